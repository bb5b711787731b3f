import { invitationExpiresAt, isExpired } from '../invitation-lifetime';

describe('invitation lifetime', () => {
  const created = new Date('2026-11-26T10:00:00Z');

  it('lasts seven days', () => {
    expect(invitationExpiresAt(created).toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });

  it('is expired from its expiry instant on', () => {
    const expires = invitationExpiresAt(created);
    expect(isExpired(expires, new Date(expires.getTime() - 1))).toBe(false);
    expect(isExpired(expires, expires)).toBe(true);
  });
});
