/** A challenge dies after this many verification attempts, right or wrong. */
export const MAX_ATTEMPTS_PER_CHALLENGE = 5;

export const PHONE_SHORT_WINDOW_SECONDS = 15 * 60;
export const PHONE_DAY_WINDOW_SECONDS = 24 * 3600;
export const IP_WINDOW_SECONDS = 3600;
export const BUDGET_WINDOW_SECONDS = 24 * 3600;
/** While the day's budget is spent, clients are told to come back after this long. */
export const BUDGET_RETRY_AFTER_SECONDS = 3600;
export const VERIFY_FAILURE_WINDOW_SECONDS = 24 * 3600;

/** The numbers the OTP rules run on; from the configuration (see config.ts). */
export interface OtpPolicy {
  ttlSeconds: number;
  resendCooldownSeconds: number;
  maxSendsPerPhone15Min: number;
  maxSendsPerPhoneDay: number;
  maxSendsPerIpHour: number;
  /** Every code sent in 24 h, all phones together: the SMS bill's ceiling (SMS pumping). */
  maxSendsPerDay: number;
  maxVerifyFailuresPerPhone: number;
}
