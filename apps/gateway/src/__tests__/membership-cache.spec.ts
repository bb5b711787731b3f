import { MembershipCache } from '../identity/membership-cache';
import { SessionDenylist } from '../identity/session-denylist';

describe('MembershipCache', () => {
  it('remembers roles and non-memberships, and forgets on events', () => {
    const cache = new MembershipCache(60_000);
    expect(cache.get('u1', 't1')).toBeUndefined();
    cache.set('u1', 't1', 'cashier');
    cache.set('u2', 't1', null);
    cache.set('u1', 't2', 'admin');
    expect([cache.get('u1', 't1'), cache.get('u2', 't1')]).toEqual(['cashier', null]);
    cache.drop('u1', 't1');
    expect(cache.get('u1', 't1')).toBeUndefined();
    cache.dropTeam('t2');
    expect(cache.get('u1', 't2')).toBeUndefined();
  });

  it('expires entries', () => {
    const cache = new MembershipCache(1);
    cache.set('u', 't', 'admin');
    const until = Date.now() + 5;
    while (Date.now() < until) {
      /* let the entry expire */
    }
    expect(cache.get('u', 't')).toBeUndefined();
  });

  it('stays bounded', () => {
    const cache = new MembershipCache(60_000, 3);
    for (const user of ['a', 'b', 'c', 'd']) cache.set(user, 't', 'observer');
    expect(cache.get('a', 't')).toBeUndefined();
    expect(cache.get('d', 't')).toBe('observer');
  });
});

describe('SessionDenylist', () => {
  it('denies a revoked session until its tokens must have expired', () => {
    const denylist = new SessionDenylist(60_000);
    denylist.revoke('s1', Date.now());
    denylist.revoke('old', Date.now() - 120_000);
    expect([denylist.isRevoked('s1'), denylist.isRevoked('old'), denylist.isRevoked('other')]).toEqual([true, false, false]);
  });
});
