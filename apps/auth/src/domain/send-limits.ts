import { IP_WINDOW_SECONDS, PHONE_DAY_WINDOW_SECONDS, PHONE_SHORT_WINDOW_SECONDS, type OtpPolicy } from './otp-policy';

/** When earlier codes were sent, newest first: to this phone (last 24 h) and from this client address (last hour). */
export interface SendHistory {
  phoneSends: Date[];
  ipSends: Date[];
}

/** Seconds until `sends[cap - 1]` (the cap-th newest) leaves the window, or 0 if under the cap. */
function waitForWindow(sends: Date[], cap: number, windowSeconds: number, now: Date): number {
  const oldestCounted = sends[cap - 1];
  if (!oldestCounted) return 0;
  return Math.ceil((oldestCounted.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
}

/**
 * How long the caller must wait before another code may be sent (the largest of the cooldown
 * and every exceeded cap), or null when a code may be sent now.
 */
export function sendRetryAfterSeconds(history: SendHistory, policy: OtpPolicy, now: Date): number | null {
  const within = (sends: Date[], seconds: number) => sends.filter((at) => now.getTime() - at.getTime() < seconds * 1000);
  const latest = history.phoneSends[0];
  const waits = [
    latest ? Math.ceil((latest.getTime() + policy.resendCooldownSeconds * 1000 - now.getTime()) / 1000) : 0,
    waitForWindow(within(history.phoneSends, PHONE_SHORT_WINDOW_SECONDS), policy.maxSendsPerPhone15Min, PHONE_SHORT_WINDOW_SECONDS, now),
    waitForWindow(within(history.phoneSends, PHONE_DAY_WINDOW_SECONDS), policy.maxSendsPerPhoneDay, PHONE_DAY_WINDOW_SECONDS, now),
    waitForWindow(within(history.ipSends, IP_WINDOW_SECONDS), policy.maxSendsPerIpHour, IP_WINDOW_SECONDS, now),
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? wait : null;
}
