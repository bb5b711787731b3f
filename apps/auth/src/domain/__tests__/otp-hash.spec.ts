import * as crypto from 'node:crypto';
import { hashOtp, otpMatches } from '../otp-hash';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const PEPPER = 'a-test-pepper-of-at-least-32-characters!';
const CHALLENGE = '01900000-0000-7000-8000-000000000001';

describe('hashOtp', () => {
  it('is HMAC-SHA256(pepper, challengeId ":" code)', () => {
    const expected = crypto.createHmac('sha256', PEPPER).update(`${CHALLENGE}:123456`).digest();
    expect(hashOtp(PEPPER, CHALLENGE, '123456').equals(expected)).toBe(true);
  });

  it('never contains the code, and depends on the pepper and the challenge', () => {
    const hash = hashOtp(PEPPER, CHALLENGE, '123456');
    expect(hash).toHaveLength(32);
    expect(hash.toString('hex')).not.toContain('123456');
    expect(hash.toString('latin1')).not.toContain('123456');
    expect(hash.equals(hashOtp(`${PEPPER}x`, CHALLENGE, '123456'))).toBe(false);
    expect(hash.equals(hashOtp(PEPPER, '01900000-0000-7000-8000-000000000002', '123456'))).toBe(false);
  });
});

describe('otpMatches', () => {
  const stored = hashOtp(PEPPER, CHALLENGE, '123456');

  it('accepts the right code for its own challenge only', () => {
    expect(otpMatches(PEPPER, CHALLENGE, '123456', stored)).toBe(true);
    expect(otpMatches(PEPPER, CHALLENGE, '123457', stored)).toBe(false);
    expect(otpMatches(PEPPER, '01900000-0000-7000-8000-000000000002', '123456', stored)).toBe(false);
  });

  it('compares with crypto.timingSafeEqual', () => {
    const timingSafeEqual = crypto.timingSafeEqual as unknown as jest.Mock;
    timingSafeEqual.mockClear();
    otpMatches(PEPPER, CHALLENGE, '000000', stored);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  });

  it('rejects (without throwing) a stored value of the wrong length', () => {
    expect(otpMatches(PEPPER, CHALLENGE, '123456', new Uint8Array(5))).toBe(false);
    expect(otpMatches(PEPPER, CHALLENGE, '123456', Buffer.from('123456'))).toBe(false);
  });

  it('accepts the Uint8Array the database returns', () => {
    expect(otpMatches(PEPPER, CHALLENGE, '123456', new Uint8Array(stored))).toBe(true);
  });
});
