import type { OtpPolicy } from '../otp-policy';
import { afterFailure, verifyLockoutSeconds } from '../verify-lockout';

const policy = { maxVerifyFailuresPerPhone: 20 } as OtpPolicy;
const now = new Date('2026-11-26T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

describe('verify lockout per phone', () => {
  it('lets a phone below the cap verify', () => {
    expect(verifyLockoutSeconds(null, policy, now)).toBeNull();
    expect(verifyLockoutSeconds({ failures: 19, windowStartedAt: hoursAgo(1) }, policy, now)).toBeNull();
  });

  it('refuses at the cap until the 24 h window is over', () => {
    expect(verifyLockoutSeconds({ failures: 20, windowStartedAt: hoursAgo(1) }, policy, now)).toBe(23 * 3600);
    expect(verifyLockoutSeconds({ failures: 20, windowStartedAt: hoursAgo(24) }, policy, now)).toBeNull();
  });

  it('counts failures within the window and starts a new window after it', () => {
    expect(afterFailure(null, now)).toEqual({ failures: 1, windowStartedAt: now });
    expect(afterFailure({ failures: 3, windowStartedAt: hoursAgo(2) }, now)).toEqual({ failures: 4, windowStartedAt: hoursAgo(2) });
    expect(afterFailure({ failures: 20, windowStartedAt: hoursAgo(25) }, now)).toEqual({ failures: 1, windowStartedAt: now });
  });
});
