import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What is stored for a code: HMAC-SHA256(pepper, challengeId ":" code). The pepper lives
 * outside the database, so a dump alone cannot brute-force the 10^6 possible codes; the
 * challenge id binds a code to its own challenge.
 */
export function hashOtp(pepper: string, challengeId: string, code: string): Buffer {
  return createHmac('sha256', pepper).update(`${challengeId}:${code}`).digest();
}

/** Constant-time comparison of a presented code with the stored hash. */
export function otpMatches(pepper: string, challengeId: string, code: string, storedHash: Uint8Array): boolean {
  const presented = hashOtp(pepper, challengeId, code);
  const stored = Buffer.from(storedHash);
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
