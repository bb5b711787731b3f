import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';

export class InvalidPhoneError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidPhoneError';
  }
}

const REGION = /^[A-Z]{2}$/;

/**
 * Normalises a phone number as typed ("01712-345678", "+880 1712 345678") to E.164
 * ("+8801712345678"), with the full metadata of libphonenumber. `defaultRegion` (ISO
 * 3166-1 alpha-2) is needed only for numbers typed without a country code.
 */
export function normalizePhone(input: string, defaultRegion?: string): string {
  if (input.length > 40) throw new InvalidPhoneError('the phone number is too long');
  if (defaultRegion !== undefined && defaultRegion !== '' && !REGION.test(defaultRegion)) {
    throw new InvalidPhoneError('the default region must be a two-letter country code like "BD"');
  }
  try {
    const parsed = parsePhoneNumberWithError(input, (defaultRegion || undefined) as CountryCode | undefined);
    if (!parsed.isValid()) throw new InvalidPhoneError('this is not a valid phone number');
    return parsed.number;
  } catch (error) {
    if (error instanceof InvalidPhoneError) throw error;
    throw new InvalidPhoneError('this is not a valid phone number');
  }
}

/** "+8801712345678" -> "+8801*****678": enough to recognise, not enough to call. */
export function maskPhone(e164: string): string {
  if (e164.length <= 8) return '*'.repeat(e164.length);
  return `${e164.slice(0, 5)}${'*'.repeat(e164.length - 8)}${e164.slice(-3)}`;
}
