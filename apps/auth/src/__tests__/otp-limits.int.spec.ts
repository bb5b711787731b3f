import { randomInt } from 'node:crypto';
import { status, type ServiceError as GrpcError } from '@grpc/grpc-js';
import { errorCodeOf, randomIp, randomPhone, rejection, startAuthTestServer, wrongCode, type AuthTestServer } from './support/auth-test-server';

const retryAfterOf = (error: GrpcError) => error.metadata.get('retry-after')[0];

function expectExhausted(error: GrpcError, code: string, retryAfter: number): void {
  expect([error.code, errorCodeOf(error), retryAfterOf(error)]).toEqual([status.RESOURCE_EXHAUSTED, code, String(retryAfter)]);
}

describe('OTP send and verify limits through gRPC', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    // A lower failure cap than the default 20, to reach it with few requests; the send caps are the defaults.
    t = await startAuthTestServer('cashier_auth_it_limits', { OTP_MAX_VERIFY_FAILURES_PER_PHONE: '8' });
  });
  afterAll(() => t.stop());

  const smsCount = async (phone: string) => {
    await t.auth.sms.idle();
    return t.sms.sentTo(phone).length;
  };

  it('holds a resend back for the cooldown, counting every spelling of the number as one phone', async () => {
    const phone = randomPhone();
    await t.requestOtp({ phone });
    const national = `0${phone.slice(4)}`;
    expectExhausted(await rejection(t.requestOtp({ phone: national, defaultRegion: 'BD' })), 'AUTH_OTP_RATE_LIMITED', 30);
    t.clock.advance(12);
    expectExhausted(await rejection(t.requestOtp({ phone })), 'AUTH_OTP_RATE_LIMITED', 18);
    t.clock.advance(18);
    await expect(t.requestOtp({ phone })).resolves.toMatchObject({ resendAfterSeconds: 30 });
    expect(await smsCount(phone)).toBe(2);
  });

  it('sends at most 3 codes per phone in 15 minutes, and says when the next one may go', async () => {
    const phone = randomPhone();
    for (let i = 0; i < 3; i++) {
      await t.requestOtp({ phone });
      t.clock.advance(30);
    }
    // now = first send + 90 s: the first send leaves the 15-minute window 810 s from now.
    expectExhausted(await rejection(t.requestOtp({ phone })), 'AUTH_OTP_RATE_LIMITED', 810);
    expect(await smsCount(phone)).toBe(3);
    t.clock.advance(810);
    await expect(t.requestOtp({ phone })).resolves.toBeDefined();
  });

  it('sends at most 10 codes per phone in a day', async () => {
    const phone = randomPhone();
    for (let i = 0; i < 10; i++) {
      await t.requestOtp({ phone });
      t.clock.advance(i % 3 === 2 ? 900 : 30);
    }
    // 10 sends took 3 x 900 + 6 x 30 + 30 s = 2910 s since the first.
    expectExhausted(await rejection(t.requestOtp({ phone })), 'AUTH_OTP_RATE_LIMITED', 86_400 - 2910);
    expect(await smsCount(phone)).toBe(10);
  });

  it('sends at most 20 codes per client address in an hour, whatever the phones', async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i++) await t.requestOtp({ phone: randomPhone(), clientIp: ip });
    const phone = randomPhone();
    expectExhausted(await rejection(t.requestOtp({ phone, clientIp: ip })), 'AUTH_OTP_RATE_LIMITED', 3600);
    expect(await smsCount(phone)).toBe(0);
    await expect(t.requestOtp({ phone, clientIp: randomIp() })).resolves.toBeDefined();
  });

  it('counts IPv6 clients per /64 network', async () => {
    const net = `2001:db8:${randomInt(0, 0xffff).toString(16)}:1`;
    for (let i = 0; i < 20; i++) await t.requestOtp({ phone: randomPhone(), clientIp: `${net}::${(i + 1).toString(16)}` });
    const error = await rejection(t.requestOtp({ phone: randomPhone(), clientIp: `${net}:ffff:ffff:ffff:ffff` }));
    expect(error.code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('lets only one of 10 parallel requests for one phone through (the checks are race-safe)', async () => {
    const phone = randomPhone();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => t.requestOtp({ phone })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as GrpcError).code).toBe(status.RESOURCE_EXHAUSTED);
    expect(await t.query('SELECT count(*)::int AS n FROM otp_challenges WHERE phone = $1', [phone])).toEqual([{ n: 1 }]);
    expect(await smsCount(phone)).toBe(1);
  });

  it('caps consecutive wrong codes per phone across challenges, and clears the count on success', async () => {
    const phone = randomPhone();
    const challenge = async () => {
      t.clock.advance(301);
      const { challengeId } = await t.requestOtp({ phone });
      return { challengeId, code: await t.codeOf(challengeId) };
    };

    // 7 wrong, then a success: the count starts again.
    let c = await challenge();
    for (let i = 0; i < 5; i++) await rejection(t.verifyOtp({ challengeId: c.challengeId, code: wrongCode(c.code) }));
    c = await challenge();
    for (let i = 0; i < 2; i++) await rejection(t.verifyOtp({ challengeId: c.challengeId, code: wrongCode(c.code) }));
    await t.verifyOtp(c);
    expect(await t.query('SELECT count(*)::int AS n FROM phone_verify_failures WHERE phone = $1', [phone])).toEqual([{ n: 0 }]);

    // 8 wrong across two challenges: the phone is locked, even with the right code.
    c = await challenge();
    const firstFailureAt = t.clock.now().getTime();
    for (let i = 0; i < 5; i++) await rejection(t.verifyOtp({ challengeId: c.challengeId, code: wrongCode(c.code) }));
    c = await challenge();
    for (let i = 0; i < 3; i++) await rejection(t.verifyOtp({ challengeId: c.challengeId, code: wrongCode(c.code) }));
    const locked = await rejection(t.verifyOtp(c));
    // The window opened with the first of the 8 failures; the lock lasts until it is 24 h old.
    expectExhausted(locked, 'AUTH_VERIFY_LOCKED', (firstFailureAt + 86_400_000 - t.clock.now().getTime()) / 1000);

    // A day later the phone may try again.
    t.clock.advance(86_400);
    c = await challenge();
    await expect(t.verifyOtp(c)).resolves.toMatchObject({ newUser: false });
  });
});
