/** Stable error codes of the transactions service; clients may branch on them. Do not rename. */
export enum TransactionsErrorCode {
  InvalidTransaction = 'TRANSACTIONS_INVALID',
  TransactionNotFound = 'TRANSACTIONS_NOT_FOUND',
  IdConflict = 'TRANSACTIONS_ID_CONFLICT',
  ReadOnlyRole = 'TRANSACTIONS_READ_ONLY_ROLE',
}
