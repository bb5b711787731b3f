import type { OtpPolicy } from '../otp-policy';
import { sendRetryAfterSeconds } from '../send-limits';

const policy: OtpPolicy = {
  ttlSeconds: 300,
  resendCooldownSeconds: 30,
  maxSendsPerPhone15Min: 3,
  maxSendsPerPhoneDay: 10,
  maxSendsPerIpHour: 20,
  maxSendsPerDay: 20_000,
  maxVerifyFailuresPerPhone: 20,
};
const now = new Date('2026-11-26T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const agoEach = (...seconds: number[]) => seconds.map(ago);

describe('sendRetryAfterSeconds', () => {
  it('allows a first send', () => {
    expect(sendRetryAfterSeconds({ phoneSends: [], ipSends: [] }, policy, now)).toBeNull();
  });

  it('enforces the cooldown since the last send to the phone', () => {
    expect(sendRetryAfterSeconds({ phoneSends: agoEach(10), ipSends: [] }, policy, now)).toBe(20);
    expect(sendRetryAfterSeconds({ phoneSends: agoEach(30), ipSends: [] }, policy, now)).toBeNull();
  });

  it('caps sends per phone in 15 minutes, until the oldest counted send leaves the window', () => {
    expect(sendRetryAfterSeconds({ phoneSends: agoEach(100, 200, 300), ipSends: [] }, policy, now)).toBe(600);
    expect(sendRetryAfterSeconds({ phoneSends: agoEach(100, 200, 900), ipSends: [] }, policy, now)).toBeNull();
  });

  it('caps sends per phone in a day', () => {
    const tenToday = agoEach(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 80_000);
    expect(sendRetryAfterSeconds({ phoneSends: tenToday, ipSends: [] }, policy, now)).toBe(86_400 - 80_000);
  });

  it('caps sends per client address in an hour', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ago(60 * (i + 1)));
    expect(sendRetryAfterSeconds({ phoneSends: [], ipSends: twenty }, policy, now)).toBe(3600 - 1200);
    expect(sendRetryAfterSeconds({ phoneSends: [], ipSends: twenty.slice(1) }, policy, now)).toBeNull();
  });

  it('answers the longest wait when several limits apply', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ago(i + 1));
    expect(sendRetryAfterSeconds({ phoneSends: agoEach(5), ipSends: twenty }, policy, now)).toBe(3600 - 20);
  });

  it('rounds partial seconds up, so a retry after the wait succeeds', () => {
    expect(sendRetryAfterSeconds({ phoneSends: [new Date(now.getTime() - 29_500)], ipSends: [] }, policy, now)).toBe(1);
  });
});
