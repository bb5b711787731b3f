import { z } from 'zod';
import { ConfigError, loadConfig, settings } from '@cashier/config';
import type { OtpPolicy } from './domain/otp-policy';

/** Unset and empty are the same for optional settings (compose files often pass ""). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The auth service's own settings, beside the common ones startService loads. */
export const authConfigShape = {
  /** HMAC key for stored OTP hashes. Outside the database on purpose. */
  OTP_PEPPER: settings.secret(32),
  /** Encrypts the signing keys' private halves at rest. */
  SIGNING_KEYS_SECRET: settings.secret(32),
  SMS_PROVIDER: z.enum(['sink', 'http']).default('sink'),
  SMS_SINK_FILE: z.string().min(1).default('var/sms/outbox.jsonl'),
  SMS_HTTP_URL: optional(settings.url(['https', 'http'])),
  SMS_HTTP_TOKEN: optional(z.string().min(1)),
  ACCESS_TOKEN_ISSUER: z.string().min(1).default('cashier-auth'),
  ACCESS_TOKEN_AUDIENCE: z.string().min(1).default('cashier-api'),
  ACCESS_TOKEN_TTL_SECONDS: count(60, 900, 600),
  REFRESH_TOKEN_TTL_DAYS: count(1, 90, 30),
  OTP_TTL_SECONDS: count(60, 600, 300),
  OTP_RESEND_COOLDOWN_SECONDS: count(0, 600, 30),
  OTP_MAX_SENDS_PER_PHONE_15_MIN: count(1, 100, 3),
  OTP_MAX_SENDS_PER_PHONE_DAY: count(1, 1000, 10),
  OTP_MAX_SENDS_PER_IP_HOUR: count(1, 100_000, 20),
  /** Codes sent in 24 h by everyone together; past it sign-in codes pause (503) and an error is logged. */
  OTP_MAX_SENDS_PER_DAY: count(1, 10_000_000, 20_000),
  /** Consecutive wrong codes per phone (24 h window) before verification is refused; NIST allows at most 100. */
  OTP_MAX_VERIFY_FAILURES_PER_PHONE: count(5, 100, 20),
};

export type AuthConfig = ReturnType<typeof loadAuthConfig>;

/** Validates the auth settings at boot; throws ConfigError naming every bad one. */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(authConfigShape, env);
  const problems: string[] = [];
  if (config.SMS_PROVIDER === 'http') {
    if (!config.SMS_HTTP_URL) problems.push('SMS_HTTP_URL: is required when SMS_PROVIDER=http');
    if (!config.SMS_HTTP_TOKEN) problems.push('SMS_HTTP_TOKEN: is required when SMS_PROVIDER=http');
  }
  if (config.OTP_MAX_SENDS_PER_PHONE_15_MIN > config.OTP_MAX_SENDS_PER_PHONE_DAY) {
    problems.push('OTP_MAX_SENDS_PER_PHONE_15_MIN: must not exceed OTP_MAX_SENDS_PER_PHONE_DAY');
  }
  if (config.OTP_PEPPER === config.SIGNING_KEYS_SECRET) {
    problems.push('SIGNING_KEYS_SECRET: must differ from OTP_PEPPER');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function otpPolicyOf(config: AuthConfig): OtpPolicy {
  return {
    ttlSeconds: config.OTP_TTL_SECONDS,
    resendCooldownSeconds: config.OTP_RESEND_COOLDOWN_SECONDS,
    maxSendsPerPhone15Min: config.OTP_MAX_SENDS_PER_PHONE_15_MIN,
    maxSendsPerPhoneDay: config.OTP_MAX_SENDS_PER_PHONE_DAY,
    maxSendsPerIpHour: config.OTP_MAX_SENDS_PER_IP_HOUR,
    maxSendsPerDay: config.OTP_MAX_SENDS_PER_DAY,
    maxVerifyFailuresPerPhone: config.OTP_MAX_VERIFY_FAILURES_PER_PHONE,
  };
}
