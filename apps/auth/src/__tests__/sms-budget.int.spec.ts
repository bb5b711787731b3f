import { status, type ServiceError as GrpcError } from '@grpc/grpc-js';
import { errorCodeOf, randomPhone, rejection, startAuthTestServer, type AuthTestServer } from './support/auth-test-server';

describe('the daily SMS budget (all phones together)', () => {
  let t: AuthTestServer;
  beforeAll(async () => {
    t = await startAuthTestServer('cashier_auth_it_sms_budget', { OTP_MAX_SENDS_PER_DAY: '5' });
  });
  afterAll(() => t.stop());

  it('pauses sign-in codes for everyone once the day’s codes are sent (503, nothing sent), and resumes as the window moves', async () => {
    for (let i = 0; i < 5; i++) await t.requestOtp({ phone: randomPhone() });
    const phone = randomPhone();
    const refused = (await rejection(t.requestOtp({ phone }))) as GrpcError;
    expect([refused.code, errorCodeOf(refused), refused.metadata.get('retry-after')[0]]).toEqual([
      status.UNAVAILABLE,
      'AUTH_SMS_BUDGET_EXHAUSTED',
      '3600',
    ]);
    await t.auth.sms.idle();
    expect(t.sms.sentTo(phone)).toEqual([]);
    expect(await t.query('SELECT count(*)::int AS n FROM otp_challenges WHERE phone = $1', [phone])).toEqual([{ n: 0 }]);

    t.clock.advance(24 * 3600 + 1);
    await expect(t.requestOtp({ phone })).resolves.toMatchObject({ resendAfterSeconds: 30 });
  });
});
