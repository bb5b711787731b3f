import { maskPhone } from '@cashier/phone';
import { visiblePhone } from '../member-phone';

const PHONE = '+8801712345678';

describe('visiblePhone', () => {
  it('shows the full number to admins', () => {
    expect(visiblePhone(PHONE, 'member', { userId: 'admin', role: 'admin' })).toBe(PHONE);
  });

  it('shows members their own number in full', () => {
    expect(visiblePhone(PHONE, 'me', { userId: 'me', role: 'observer' })).toBe(PHONE);
    expect(visiblePhone(PHONE, 'me', { userId: 'me', role: 'cashier' })).toBe(PHONE);
  });

  it('masks other members’ numbers for cashiers and observers', () => {
    for (const role of ['cashier', 'observer'] as const) {
      const shown = visiblePhone(PHONE, 'someone', { userId: 'me', role });
      expect(shown).toBe(maskPhone(PHONE));
      expect(shown).toMatch(/^\+8801\*+678$/);
      expect(shown).not.toContain('12345');
    }
  });

  it('leaves an unknown number empty', () => {
    expect(visiblePhone('', 'someone', { userId: 'me', role: 'observer' })).toBe('');
  });
});
