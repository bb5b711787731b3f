export type MoneyErrorCode =
  | 'UNKNOWN_CURRENCY'
  | 'MALFORMED_AMOUNT'
  | 'TOO_MANY_DECIMALS'
  | 'AMOUNT_OUT_OF_RANGE';

export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}
