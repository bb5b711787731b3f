/** Stable error codes of the auth service; clients may branch on them. Do not rename. */
export enum AuthErrorCode {
  InvalidPhone = 'AUTH_INVALID_PHONE',
  InvalidClientIp = 'AUTH_INVALID_CLIENT_IP',
  OtpRateLimited = 'AUTH_OTP_RATE_LIMITED',
  /** Every code of the day has been sent (OTP_MAX_SENDS_PER_DAY): sign-in codes are paused for everyone. */
  SmsBudgetExhausted = 'AUTH_SMS_BUDGET_EXHAUSTED',
  /** Every failed verification: wrong, expired, used, superseded or unknown; deliberately one code. */
  CodeRejected = 'AUTH_CODE_REJECTED',
  VerifyLocked = 'AUTH_VERIFY_LOCKED',
  /** Every failed refresh: unknown, used (reuse), revoked or expired session. */
  RefreshRejected = 'AUTH_REFRESH_REJECTED',
  NoSession = 'AUTH_NO_SESSION',
  SessionNotFound = 'AUTH_SESSION_NOT_FOUND',
}
