import type { FieldViolation } from '@cashier/grpc';
import { checkMoney, MoneyError, type Money } from '@cashier/money';

/**
 * Checks an amount received over gRPC: a known currency, within range, greater than zero.
 * Records a violation under `field` (or `currencyField` for the currency) and returns
 * undefined when it is not acceptable.
 */
export function positiveMoney(
  money: Money | undefined,
  field: string,
  violations: FieldViolation[],
  currencyField = 'currency',
): Money | undefined {
  if (!money) {
    violations.push({ field, description: 'is required' });
    return undefined;
  }
  try {
    checkMoney(money);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    violations.push({ field: error.code === 'UNKNOWN_CURRENCY' ? currencyField : field, description: error.message });
    return undefined;
  }
  if (money.amountMinor <= 0n) {
    violations.push({ field, description: 'must be greater than zero' });
    return undefined;
  }
  return { amountMinor: money.amountMinor, currencyCode: money.currencyCode };
}

/** As positiveMoney, but zero and negative amounts are fine (opening balances). */
export function anyMoney(money: Money | undefined, field: string, violations: FieldViolation[], currencyField = 'currency'): Money | undefined {
  if (!money) {
    violations.push({ field, description: 'is required' });
    return undefined;
  }
  try {
    checkMoney(money);
    return { amountMinor: money.amountMinor, currencyCode: money.currencyCode };
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    violations.push({ field: error.code === 'UNKNOWN_CURRENCY' ? currencyField : field, description: error.message });
    return undefined;
  }
}
