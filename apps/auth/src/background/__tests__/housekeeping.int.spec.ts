import { randomPhone, rejection, startAuthTestServer, wrongCode, type AuthTestServer } from '../../__tests__/support/auth-test-server';

describe('Housekeeping', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    t = await startAuthTestServer('cashier_auth_it_housekeeping');
  });
  afterAll(() => t.stop());

  const count = async (table: string) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('deletes old challenges, finished failure windows and long-ended sessions, and keeps the rest', async () => {
    const loggedOut = (await t.signIn()).tokens!;
    await t.logout({ userId: loggedOut.userId, sessionId: loggedOut.sessionId });
    await t.signIn();
    const { challengeId } = await t.requestOtp({ phone: randomPhone() });
    await rejection(t.verifyOtp({ challengeId, code: wrongCode(await t.codeOf(challengeId)) }));
    expect([await count('otp_challenges'), await count('phone_verify_failures'), await count('sessions')]).toEqual([3, 1, 2]);

    t.clock.advance(24 * 3600 + 1);
    expect(await t.auth.housekeeping.runOnce()).toEqual({ challenges: 0, failureCounters: 1, sessions: 0 });

    t.clock.advance(24 * 3600);
    expect(await t.auth.housekeeping.runOnce()).toEqual({ challenges: 3, failureCounters: 0, sessions: 0 });

    // The logged-out session ended at once, the other one expires after 30 days; each is kept 30 days after its end.
    t.clock.advance(29 * 86_400);
    expect(await t.auth.housekeeping.runOnce()).toMatchObject({ sessions: 1 });
    expect(await t.query('SELECT id FROM sessions')).toEqual([{ id: expect.not.stringMatching(loggedOut.sessionId) }]);
    expect(await t.query('SELECT id FROM refresh_tokens WHERE session_id = $1', [loggedOut.sessionId])).toEqual([]);
    t.clock.advance(30 * 86_400);
    expect(await t.auth.housekeeping.runOnce()).toMatchObject({ sessions: 1 });
    expect(await count('users')).toBe(2);
  });
});
