import { VERIFY_FAILURE_WINDOW_SECONDS, type OtpPolicy } from './otp-policy';

/** Wrong codes entered for one phone, across its challenges, since `windowStartedAt`. */
export interface VerifyFailures {
  failures: number;
  windowStartedAt: Date;
}

export function isWindowOver(record: VerifyFailures, now: Date): boolean {
  return now.getTime() - record.windowStartedAt.getTime() >= VERIFY_FAILURE_WINDOW_SECONDS * 1000;
}

/** Seconds until the phone may verify again, or null when it may verify now. */
export function verifyLockoutSeconds(record: VerifyFailures | null, policy: OtpPolicy, now: Date): number | null {
  if (!record || isWindowOver(record, now) || record.failures < policy.maxVerifyFailuresPerPhone) return null;
  return Math.max(1, Math.ceil((record.windowStartedAt.getTime() + VERIFY_FAILURE_WINDOW_SECONDS * 1000 - now.getTime()) / 1000));
}

/** The record after one more wrong code: a new window once the old one is over. */
export function afterFailure(record: VerifyFailures | null, now: Date): VerifyFailures {
  if (!record || isWindowOver(record, now)) return { failures: 1, windowStartedAt: now };
  return { failures: record.failures + 1, windowStartedAt: record.windowStartedAt };
}
