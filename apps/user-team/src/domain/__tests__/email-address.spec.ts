import { checkEmailAddress } from '../email-address';

describe('checkEmailAddress', () => {
  it('accepts ordinary addresses and lower-cases the domain only', () => {
    expect(checkEmailAddress(' Rina.Rahman+home@Example.COM ')).toEqual({ ok: true, value: 'Rina.Rahman+home@example.com' });
    expect(checkEmailAddress('a@b.co').ok).toBe(true);
  });

  it('accepts an empty value, which clears the address', () => {
    expect(checkEmailAddress('')).toEqual({ ok: true, value: '' });
  });

  it('refuses what is not an address', () => {
    for (const email of ['plain', '@example.com', 'a@', 'a@localhost', 'a b@example.com', 'a@@example.com', 'a@example..com', 'a@.com']) {
      expect(checkEmailAddress(email).ok).toBe(false);
    }
  });

  it('refuses more than 254 characters, or a local part over 64', () => {
    expect(checkEmailAddress(`${'a'.repeat(64)}@${'b'.repeat(185)}.com`).ok).toBe(true);
    expect(checkEmailAddress(`${'a'.repeat(64)}@${'b'.repeat(186)}.com`).ok).toBe(false);
    expect(checkEmailAddress(`${'a'.repeat(65)}@example.com`).ok).toBe(false);
  });
});
