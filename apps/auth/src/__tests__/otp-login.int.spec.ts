import { status } from '@grpc/grpc-js';
import { UserRegistered } from '@cashier/contracts/cashier/events/v1/auth';
import { isUuid } from '@cashier/ids';
import { decodeJwt } from 'jose';
import { errorCodeOf, randomIp, randomPhone, rejection, startAuthTestServer, wrongCode, type AuthTestServer } from './support/auth-test-server';

describe('OTP login through gRPC', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    t = await startAuthTestServer('cashier_auth_it_login');
  });
  afterAll(() => t.stop());

  /** Past the resend cooldown, so the same phone may ask again. */
  const afterCooldown = () => t.clock.advance(31);

  it('signs a new phone in: creates the user and a UserRegistered outbox row in the same transaction', async () => {
    const phone = randomPhone();
    const { challengeId, expiresAt, resendAfterSeconds } = await t.requestOtp({ phone: `${phone.slice(0, 4)} ${phone.slice(4)}` });
    expect(isUuid(challengeId)).toBe(true);
    expect(expiresAt!.getTime() - t.clock.now().getTime()).toBe(300_000);
    expect(resendAfterSeconds).toBe(30);

    const { tokens, newUser } = await t.verifyOtp({ challengeId, code: await t.codeOf(challengeId), deviceName: 'Pixel 8' });
    expect(newUser).toBe(true);
    expect(tokens).toMatchObject({ accessTokenExpiresIn: 600, sessionId: expect.any(String), userId: expect.any(String) });
    expect(decodeJwt(tokens!.accessToken)).toMatchObject({ sub: tokens!.userId, sid: tokens!.sessionId });

    const users = await t.query('SELECT id, phone FROM users WHERE phone = $1', [phone]);
    expect(users).toEqual([{ id: tokens!.userId, phone }]);
    const events = await t.query<{ type: string; topic: string; team_id: string; payload: Buffer; request_id: string }>(
      'SELECT type, topic, team_id, payload, request_id FROM outbox WHERE team_id = $1',
      [tokens!.userId],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'auth.user.registered.v1', topic: 'auth.user.registered.v1', request_id: expect.stringMatching(/^req-/) });
    expect(UserRegistered.decode(events[0].payload)).toMatchObject({ userId: tokens!.userId, phone });
    const sessions = await t.query('SELECT user_id, device_name, created_ip::text AS ip FROM sessions WHERE id = $1', [tokens!.sessionId]);
    expect(sessions).toEqual([{ user_id: tokens!.userId, device_name: 'Pixel 8', ip: '203.0.113.9/32' }]);
  });

  it('signs a known phone in to the same user, with new_user false and no second event', async () => {
    const first = await t.signIn();
    afterCooldown();
    const again = await t.signIn(first.phone);
    expect(again.newUser).toBe(false);
    expect(again.tokens!.userId).toBe(first.tokens!.userId);
    expect(again.tokens!.sessionId).not.toBe(first.tokens!.sessionId);
    const events = await t.query('SELECT id FROM outbox WHERE team_id = $1 AND type = $2', [first.tokens!.userId, 'auth.user.registered.v1']);
    expect(events).toHaveLength(1);
  });

  it('answers a registered and an unknown phone identically, and texts both', async () => {
    const known = (await t.signIn()).phone;
    afterCooldown();
    const unknown = randomPhone();
    const ip = randomIp();
    const forKnown = await t.requestOtp({ phone: known, clientIp: ip });
    const forUnknown = await t.requestOtp({ phone: unknown, clientIp: ip });
    const shape = (r: typeof forKnown) => ({
      keys: Object.keys(r).sort(),
      validFor: r.expiresAt!.getTime() - t.clock.now().getTime(),
      resendAfterSeconds: r.resendAfterSeconds,
      idIsUuid: isUuid(r.challengeId),
    });
    expect(shape(forKnown)).toEqual(shape(forUnknown));
    await t.auth.sms.idle();
    expect(t.sms.sentTo(known).at(-1)!.challengeId).toBe(forKnown.challengeId);
    expect(t.sms.sentTo(unknown).map((m) => m.challengeId)).toEqual([forUnknown.challengeId]);
  });

  it('refuses an invalid phone with INVALID_ARGUMENT on the field "phone"', async () => {
    const error = await rejection(t.requestOtp({ phone: '12345' }));
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(errorCodeOf(error)).toBe('AUTH_INVALID_PHONE');
    expect(JSON.parse(error.metadata.get('x-field-violations')[0] as string)).toEqual([
      { field: 'phone', description: expect.any(String) },
    ]);
    const region = await rejection(t.requestOtp({ phone: '01712345678', defaultRegion: 'bd' }));
    expect(JSON.parse(region.metadata.get('x-field-violations')[0] as string)[0].field).toBe('default_region');
    const ip = await rejection(t.requestOtp({ phone: randomPhone(), clientIp: 'not-an-ip' }));
    expect(JSON.parse(ip.metadata.get('x-field-violations')[0] as string)[0].field).toBe('client_ip');
  });

  it('normalises the number: a national spelling reaches the same identity', async () => {
    const { phone, tokens } = await t.signIn();
    afterCooldown();
    const national = `0${phone.slice(4, 8)}-${phone.slice(8)}`;
    const { challengeId } = await t.requestOtp({ phone: national, defaultRegion: 'BD' });
    const again = await t.verifyOtp({ challengeId, code: await t.codeOf(challengeId) });
    expect(again.tokens!.userId).toBe(tokens!.userId);
  });

  it('a resend makes the previous code stop working', async () => {
    const phone = randomPhone();
    const first = await t.requestOtp({ phone });
    const firstCode = await t.codeOf(first.challengeId);
    afterCooldown();
    const second = await t.requestOtp({ phone });
    const secondCode = await t.codeOf(second.challengeId);

    const stale = await rejection(t.verifyOtp({ challengeId: first.challengeId, code: firstCode }));
    expect(stale.code).toBe(status.UNAUTHENTICATED);
    expect(stale.details).toBe('the code is wrong or expired');
    const rows = await t.query<{ superseded: boolean }>('SELECT superseded_at IS NOT NULL AS superseded FROM otp_challenges WHERE id = $1', [first.challengeId]);
    expect(rows).toEqual([{ superseded: true }]);
    if (firstCode !== secondCode) {
      const crossed = await rejection(t.verifyOtp({ challengeId: second.challengeId, code: firstCode }));
      expect(crossed.code).toBe(status.UNAUTHENTICATED);
    }
    await expect(t.verifyOtp({ challengeId: second.challengeId, code: secondCode })).resolves.toMatchObject({ newUser: true });
  });

  it('binds a code to its own challenge', async () => {
    const a = await t.requestOtp({ phone: randomPhone() });
    const b = await t.requestOtp({ phone: randomPhone() });
    const codeA = await t.codeOf(a.challengeId);
    if (codeA === (await t.codeOf(b.challengeId))) return; // one in a million: nothing to tell apart
    const error = await rejection(t.verifyOtp({ challengeId: b.challengeId, code: codeA }));
    expect(error.code).toBe(status.UNAUTHENTICATED);
  });

  it('kills a challenge after 5 attempts: the right code fails on the 6th', async () => {
    const { challengeId } = await t.requestOtp({ phone: randomPhone() });
    const code = await t.codeOf(challengeId);
    const wrong = wrongCode(code);
    for (let i = 0; i < 5; i++) {
      const error = await rejection(t.verifyOtp({ challengeId, code: wrong }));
      expect([error.code, errorCodeOf(error), error.details]).toEqual([status.UNAUTHENTICATED, 'AUTH_CODE_REJECTED', 'the code is wrong or expired']);
    }
    const sixth = await rejection(t.verifyOtp({ challengeId, code }));
    expect([sixth.code, errorCodeOf(sixth), sixth.details]).toEqual([status.UNAUTHENTICATED, 'AUTH_CODE_REJECTED', 'the code is wrong or expired']);
    expect(await t.query('SELECT attempts FROM otp_challenges WHERE id = $1', [challengeId])).toEqual([{ attempts: 5 }]);
  });

  it('accepts a code until its lifetime ends and refuses it after (TTL-1 s / TTL+1 s)', async () => {
    const late = await t.requestOtp({ phone: randomPhone() });
    t.clock.advance(301);
    const expired = await rejection(t.verifyOtp({ challengeId: late.challengeId, code: await t.codeOf(late.challengeId) }));
    expect([expired.code, expired.details]).toEqual([status.UNAUTHENTICATED, 'the code is wrong or expired']);

    const inTime = await t.requestOtp({ phone: randomPhone() });
    t.clock.advance(299);
    await expect(t.verifyOtp({ challengeId: inTime.challengeId, code: await t.codeOf(inTime.challengeId) })).resolves.toMatchObject({
      newUser: true,
    });
  });

  it('accepts a code once: verifying it again fails', async () => {
    const { challengeId } = await t.requestOtp({ phone: randomPhone() });
    const code = await t.codeOf(challengeId);
    await t.verifyOtp({ challengeId, code });
    const again = await rejection(t.verifyOtp({ challengeId, code }));
    expect([again.code, again.details]).toEqual([status.UNAUTHENTICATED, 'the code is wrong or expired']);
  });

  it('gives exactly one token pair to 20 parallel verifies of one correct code', async () => {
    const phone = randomPhone();
    const { challengeId } = await t.requestOtp({ phone });
    const code = await t.codeOf(challengeId);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => t.verifyOtp({ challengeId, code })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code: number }).code)).toEqual(new Array(19).fill(status.UNAUTHENTICATED));
    const counts = await t.query(
      `SELECT (SELECT count(*)::int FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.phone = $1) AS sessions,
              (SELECT count(*)::int FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id WHERE u.phone = $1) AS tokens`,
      [phone],
    );
    expect(counts).toEqual([{ sessions: 1, tokens: 1 }]);
  });

  it('answers every kind of bad verification with the same error', async () => {
    const { challengeId } = await t.requestOtp({ phone: randomPhone() });
    const cases = [
      { challengeId: '01900000-0000-7000-8000-000000000000', code: '123456' },
      { challengeId: 'not-a-uuid', code: '123456' },
      { challengeId, code: '12345' },
      { challengeId, code: 'abcdef' },
    ];
    for (const request of cases) {
      const error = await rejection(t.verifyOtp(request));
      expect([error.code, errorCodeOf(error), error.details]).toEqual([status.UNAUTHENTICATED, 'AUTH_CODE_REJECTED', 'the code is wrong or expired']);
    }
  });

  it('refuses calls without the gateway’s context token', async () => {
    const error = await rejection(t.listSessionsWithoutContext());
    expect(error.code).toBe(status.UNAUTHENTICATED);
  });
});
