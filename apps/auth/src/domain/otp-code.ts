import { randomInt } from 'node:crypto';

export const OTP_DIGITS = 6;
const OTP_FORMAT = /^\d{6}$/;

/** A uniformly random 6-digit code (~20 bits) from the CSPRNG, zero-padded: "000000".."999999". */
export function generateOtpCode(): string {
  return randomInt(0, 10 ** OTP_DIGITS)
    .toString()
    .padStart(OTP_DIGITS, '0');
}

export function isOtpCodeFormat(code: string): boolean {
  return OTP_FORMAT.test(code);
}
