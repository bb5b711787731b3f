/** Stable error codes of the transactions service; clients may branch on them. Do not rename. */
export enum TransactionsErrorCode {
  InvalidTransaction = 'TRANSACTIONS_INVALID',
  TransactionNotFound = 'TRANSACTIONS_NOT_FOUND',
  IdConflict = 'TRANSACTIONS_ID_CONFLICT',
  ReadOnlyRole = 'TRANSACTIONS_READ_ONLY_ROLE',
  VersionMismatch = 'TRANSACTIONS_VERSION_MISMATCH',
  InvalidAccount = 'TRANSACTIONS_ACCOUNT_INVALID',
  AccountNotFound = 'TRANSACTIONS_ACCOUNT_NOT_FOUND',
  InvalidCategory = 'TRANSACTIONS_CATEGORY_INVALID',
  CategoryNotFound = 'TRANSACTIONS_CATEGORY_NOT_FOUND',
  CategoryInUse = 'TRANSACTIONS_CATEGORY_IN_USE',
  RepaymentExceedsOutstanding = 'TRANSACTIONS_REPAYMENT_EXCEEDS_OUTSTANDING',
  LoanHasRepayments = 'TRANSACTIONS_LOAN_HAS_REPAYMENTS',
  InsufficientBalance = 'TRANSACTIONS_INSUFFICIENT_BALANCE',
  InvalidUpdateMask = 'TRANSACTIONS_INVALID_UPDATE_MASK',
  InvalidCursor = 'TRANSACTIONS_INVALID_CURSOR',
  InvalidQuery = 'TRANSACTIONS_INVALID_QUERY',
}
