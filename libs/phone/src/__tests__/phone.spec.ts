import { InvalidPhoneError, maskPhone, normalizePhone } from '../index';

describe('normalizePhone', () => {
  it.each([
    ['+8801712345678', undefined, '+8801712345678'],
    ['+880 1712-345678', undefined, '+8801712345678'],
    ['01712345678', 'BD', '+8801712345678'],
    ['+1 (415) 555-2671', undefined, '+14155552671'],
    ['1 415 555 2671', 'US', '+14155552671'],
    ['+254 712 345678', undefined, '+254712345678'],
  ])('%s (%s) -> %s', (input, region, expected) => {
    expect(normalizePhone(input, region)).toBe(expected);
  });

  it.each([
    ['12345', undefined],
    ['not a phone', undefined],
    ['01712345678', undefined],
    ['+1 555 000 0000', undefined],
    ['0'.repeat(50), undefined],
    ['01712345678', 'bd'],
  ])('rejects %s (%s)', (input, region) => {
    expect(() => normalizePhone(input, region)).toThrow(InvalidPhoneError);
  });
});

describe('maskPhone', () => {
  it('keeps the country prefix and the last three digits', () => {
    expect(maskPhone('+8801712345678')).toBe('+8801******678');
  });
});
