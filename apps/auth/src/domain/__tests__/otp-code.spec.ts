import * as crypto from 'node:crypto';
import { generateOtpCode, isOtpCodeFormat } from '../otp-code';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, randomInt: jest.fn(actual.randomInt) };
});

const randomInt = crypto.randomInt as unknown as jest.Mock;

describe('generateOtpCode', () => {
  afterEach(() => randomInt.mockClear());

  it('draws from crypto.randomInt over the whole 6-digit range', () => {
    generateOtpCode();
    expect(randomInt).toHaveBeenCalledWith(0, 1_000_000);
  });

  it('zero-pads small numbers to six digits', () => {
    randomInt.mockReturnValueOnce(42).mockReturnValueOnce(0).mockReturnValueOnce(999_999);
    expect([generateOtpCode(), generateOtpCode(), generateOtpCode()]).toEqual(['000042', '000000', '999999']);
  });

  it('always yields exactly six decimal digits', () => {
    for (let i = 0; i < 1_000; i++) expect(generateOtpCode()).toMatch(/^\d{6}$/);
  });

  it('is uniform in every digit position (chi-square over 100 000 codes)', () => {
    const samples = 100_000;
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    for (let i = 0; i < samples; i++) {
      const code = generateOtpCode();
      for (let position = 0; position < 6; position++) counts[position][code.charCodeAt(position) - 48]++;
    }
    const expected = samples / 10;
    for (const position of counts) {
      const chiSquare = position.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
      // 9 degrees of freedom: 27.9 is the p = 0.001 critical value; 40 keeps a fair generator from ever failing here.
      expect(chiSquare).toBeLessThan(40);
    }
  });
});

describe('isOtpCodeFormat', () => {
  it.each(['123456', '000000'])('accepts %s', (code) => expect(isOtpCodeFormat(code)).toBe(true));
  it.each(['12345', '1234567', '12345a', ' 123456', '', '١٢٣٤٥٦'])('rejects %j', (code) => expect(isOtpCodeFormat(code)).toBe(false));
});
