import { ConfigError } from '@cashier/config';
import { loadAuthConfig, otpPolicyOf } from '../config';

const PEPPER = 'p'.repeat(32);
const KEYS_SECRET = 'k'.repeat(32);
const required = { OTP_PEPPER: PEPPER, SIGNING_KEYS_SECRET: KEYS_SECRET };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadAuthConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAuthConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadAuthConfig(required);
    expect(config).toMatchObject({
      SMS_PROVIDER: 'sink',
      SMS_SINK_FILE: 'var/sms/outbox.jsonl',
      ACCESS_TOKEN_ISSUER: 'cashier-auth',
      ACCESS_TOKEN_AUDIENCE: 'cashier-api',
      ACCESS_TOKEN_TTL_SECONDS: 600,
      REFRESH_TOKEN_TTL_DAYS: 30,
      OTP_TTL_SECONDS: 300,
      OTP_RESEND_COOLDOWN_SECONDS: 30,
    });
    expect(otpPolicyOf(config)).toEqual({
      ttlSeconds: 300,
      resendCooldownSeconds: 30,
      maxSendsPerPhone15Min: 3,
      maxSendsPerPhoneDay: 10,
      maxSendsPerIpHour: 20,
      maxSendsPerDay: 20_000,
      maxVerifyFailuresPerPhone: 20,
    });
  });

  it('names the missing secrets', () => {
    const problems = problemsOf({});
    expect(problems).toEqual(
      expect.arrayContaining(['OTP_PEPPER: is required but not set', 'SIGNING_KEYS_SECRET: is required but not set']),
    );
  });

  it('refuses short secrets without echoing them', () => {
    const problems = problemsOf({ OTP_PEPPER: 'short-pepper', SIGNING_KEYS_SECRET: 'short-secret' });
    expect(problems).toEqual([
      'OTP_PEPPER: must be at least 32 characters',
      'SIGNING_KEYS_SECRET: must be at least 32 characters',
    ]);
    expect(problems.join('\n')).not.toMatch(/short-pepper|short-secret/);
  });

  it('refuses the same value for both secrets', () => {
    expect(problemsOf({ OTP_PEPPER: PEPPER, SIGNING_KEYS_SECRET: PEPPER })).toEqual(['SIGNING_KEYS_SECRET: must differ from OTP_PEPPER']);
  });

  it('keeps access tokens at 15 minutes at most and the OTP lifetime at 10', () => {
    expect(problemsOf({ ...required, ACCESS_TOKEN_TTL_SECONDS: '901' })[0]).toMatch(/^ACCESS_TOKEN_TTL_SECONDS: /);
    expect(problemsOf({ ...required, OTP_TTL_SECONDS: '601' })[0]).toMatch(/^OTP_TTL_SECONDS: /);
    expect(loadAuthConfig({ ...required, ACCESS_TOKEN_TTL_SECONDS: '900' }).ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('needs the URL and token of the HTTP provider when it is selected', () => {
    expect(problemsOf({ ...required, SMS_PROVIDER: 'http' })).toEqual([
      'SMS_HTTP_URL: is required when SMS_PROVIDER=http',
      'SMS_HTTP_TOKEN: is required when SMS_PROVIDER=http',
    ]);
    expect(problemsOf({ ...required, SMS_PROVIDER: 'http', SMS_HTTP_URL: 'ftp://x', SMS_HTTP_TOKEN: 't' })[0]).toMatch(/^SMS_HTTP_URL: /);
    const config = loadAuthConfig({ ...required, SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_TOKEN: 't' });
    expect(config.SMS_HTTP_URL).toBe('https://sms.example/send');
  });

  it('treats empty optional settings as unset', () => {
    expect(loadAuthConfig({ ...required, SMS_HTTP_URL: '', SMS_HTTP_TOKEN: '' }).SMS_HTTP_URL).toBeUndefined();
  });

  it('refuses unknown providers and inconsistent caps', () => {
    expect(problemsOf({ ...required, SMS_PROVIDER: 'carrier-pigeon' })[0]).toMatch(/^SMS_PROVIDER: /);
    expect(problemsOf({ ...required, OTP_MAX_SENDS_PER_PHONE_15_MIN: '11', OTP_MAX_SENDS_PER_PHONE_DAY: '10' })).toEqual([
      'OTP_MAX_SENDS_PER_PHONE_15_MIN: must not exceed OTP_MAX_SENDS_PER_PHONE_DAY',
    ]);
    expect(problemsOf({ ...required, OTP_MAX_VERIFY_FAILURES_PER_PHONE: '101' })[0]).toMatch(/^OTP_MAX_VERIFY_FAILURES_PER_PHONE: /);
  });
});
