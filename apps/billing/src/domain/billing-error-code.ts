/** Stable error codes of the billing service; clients may branch on them. Do not rename. */
export enum BillingErrorCode {
  InvalidPeriod = 'BILLING_INVALID_PERIOD',
}
