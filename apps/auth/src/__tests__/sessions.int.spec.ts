import { status } from '@grpc/grpc-js';
import { SessionRevoked } from '@cashier/contracts/cashier/events/v1/auth';
import { uuidv7 } from '@cashier/ids';
import { errorCodeOf, rejection, startAuthTestServer, type AuthTestServer } from './support/auth-test-server';

describe('refresh tokens and sessions through gRPC', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    t = await startAuthTestServer('cashier_auth_it_sessions');
  });
  afterAll(() => t.stop());

  const revokedEvents = async (sessionId: string) => {
    const rows = await t.query<{ payload: Buffer }>('SELECT payload FROM outbox WHERE type = $1 ORDER BY seq', ['auth.session.revoked.v1']);
    return rows.map((row) => SessionRevoked.decode(row.payload)).filter((event) => event.sessionId === sessionId);
  };

  async function expectRefreshRejected(refreshToken: string): Promise<void> {
    const error = await rejection(t.refresh(refreshToken));
    expect([error.code, errorCodeOf(error)]).toEqual([status.UNAUTHENTICATED, 'AUTH_REFRESH_REJECTED']);
  }

  it('rotates: each refresh returns a new pair in the same session, until the session’s fixed end', async () => {
    const { tokens: first } = await t.signIn();
    const second = await t.refresh(first!.refreshToken);
    expect(second.sessionId).toBe(first!.sessionId);
    expect(second.userId).toBe(first!.userId);
    expect(second.refreshToken).not.toBe(first!.refreshToken);
    expect(second.accessToken).not.toBe(first!.accessToken);
    expect(second.refreshTokenExpiresAt).toEqual(first!.refreshTokenExpiresAt);
    expect(first!.refreshTokenExpiresAt!.getTime() - t.clock.now().getTime()).toBe(30 * 86_400_000);
    const third = await t.refresh(second.refreshToken);
    expect(third.sessionId).toBe(first!.sessionId);
    const used = await t.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE session_id = $1 AND used_at IS NOT NULL', [first!.sessionId]);
    expect(used).toEqual([{ n: 2 }]);
  });

  it('on reuse of a used token: revokes the whole session (the newest token fails too) and publishes SessionRevoked', async () => {
    const { tokens: first } = await t.signIn();
    const second = await t.refresh(first!.refreshToken);
    const third = await t.refresh(second.refreshToken);

    await expectRefreshRejected(first!.refreshToken);
    await expectRefreshRejected(third.refreshToken);
    await expectRefreshRejected(second.refreshToken);

    const [session] = await t.query('SELECT revoked_at IS NOT NULL AS revoked, revoke_reason FROM sessions WHERE id = $1', [first!.sessionId]);
    expect(session).toEqual({ revoked: true, revoke_reason: 'refresh_token_reuse' });
    expect(await revokedEvents(first!.sessionId)).toEqual([
      { userId: first!.userId, sessionId: first!.sessionId, reason: 'refresh_token_reuse' },
    ]);
    const warning = t.logs.parsed().find((line) => line.security === 'refresh_token_reuse' && line.sessionId === first!.sessionId);
    expect(warning).toMatchObject({ level: 'warn', msg: 'refresh token reused: session revoked' });
  });

  it('lets at most one of parallel refreshes with the same token succeed', async () => {
    const { tokens } = await t.signIn();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => t.refresh(tokens!.refreshToken)));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeLessThanOrEqual(1);
    const issued = await t.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE session_id = $1', [tokens!.sessionId]);
    expect(issued).toEqual([{ n: 2 }]);
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    await expectRefreshRejected('x'.repeat(43));
    await expectRefreshRejected('');
    await expectRefreshRejected('y'.repeat(5_000));
  });

  it('ends a session at its absolute lifetime', async () => {
    const { tokens } = await t.signIn();
    t.clock.advance(30 * 86_400 + 1);
    await expectRefreshRejected(tokens!.refreshToken);
  });

  it('logs out the current session: its refresh token dies, SessionRevoked is published, and logout again is harmless', async () => {
    const { tokens } = await t.signIn();
    const me = { userId: tokens!.userId, sessionId: tokens!.sessionId };
    await t.logout(me);
    await expectRefreshRejected(tokens!.refreshToken);
    expect(await revokedEvents(tokens!.sessionId)).toEqual([{ userId: me.userId, sessionId: me.sessionId, reason: 'logout' }]);
    await expect(t.logout(me)).resolves.toBeUndefined();
    expect(await revokedEvents(tokens!.sessionId)).toHaveLength(1);
  });

  it('needs a session in the context to log out', async () => {
    const error = await rejection(t.logout({ userId: uuidv7() }));
    expect([error.code, errorCodeOf(error)]).toEqual([status.UNAUTHENTICATED, 'AUTH_NO_SESSION']);
  });

  it('lists the caller’s live sessions with the current one marked, and revokes another of them', async () => {
    const phone = (await t.signIn(undefined, 'old tablet')).phone;
    t.clock.advance(31);
    const laptop = (await t.signIn(phone, 'laptop')).tokens!;
    t.clock.advance(31);
    const phoneSession = (await t.signIn(phone, 'phone')).tokens!;
    const me = { userId: phoneSession.userId, sessionId: phoneSession.sessionId };

    const sessions = await t.listSessions(me);
    expect(sessions.map((s) => [s.deviceName, s.current])).toEqual([
      ['phone', true],
      ['laptop', false],
      ['old tablet', false],
    ]);
    expect(sessions[0]).toMatchObject({ id: phoneSession.sessionId, createdAt: expect.any(Date), lastUsedAt: expect.any(Date) });

    await t.revokeSession(me, laptop.sessionId);
    expect((await t.listSessions(me)).map((s) => s.deviceName)).toEqual(['phone', 'old tablet']);
    await expectRefreshRejected(laptop.refreshToken);
    expect(await revokedEvents(laptop.sessionId)).toEqual([{ userId: me.userId, sessionId: laptop.sessionId, reason: 'revoked' }]);
  });

  it('answers NOT_FOUND for another user’s session, exactly as for a missing one, and leaves it alone', async () => {
    const mine = (await t.signIn()).tokens!;
    const theirs = (await t.signIn()).tokens!;
    const me = { userId: mine.userId, sessionId: mine.sessionId };
    const foreign = await rejection(t.revokeSession(me, theirs.sessionId));
    const missing = await rejection(t.revokeSession(me, uuidv7()));
    const malformed = await rejection(t.revokeSession(me, 'nope'));
    for (const error of [foreign, missing, malformed]) {
      expect([error.code, errorCodeOf(error), error.details]).toEqual([status.NOT_FOUND, 'AUTH_SESSION_NOT_FOUND', 'session not found']);
    }
    await expect(t.refresh(theirs.refreshToken)).resolves.toMatchObject({ sessionId: theirs.sessionId });
    expect(await t.listSessions({ userId: mine.userId })).toHaveLength(1);
  });

  it('answers NOT_FOUND for the caller’s own session once it has ended', async () => {
    const { tokens } = await t.signIn();
    const me = { userId: tokens!.userId, sessionId: tokens!.sessionId };
    await t.revokeSession(me, tokens!.sessionId);
    const error = await rejection(t.revokeSession(me, tokens!.sessionId));
    expect(error.code).toBe(status.NOT_FOUND);
  });
});
