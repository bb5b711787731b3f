import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import type { Logger } from '@cashier/logger';
import { InvalidPhoneError, maskPhone, normalizePhone } from '@cashier/phone';
import { lockForTransaction, LockSpace } from '../db/advisory-lock';
import { OtpChallengeRepository } from '../db/otp-challenge-repository';
import { inTransaction } from '../db/transaction';
import { AuthErrorCode } from '../domain/auth-error-code';
import { sendsExhausted, smsBudgetExhausted } from '../domain/auth-failures';
import { ipBucketOf, validIpOrNull } from '../domain/ip-bucket';
import { generateOtpCode } from '../domain/otp-code';
import { hashOtp } from '../domain/otp-hash';
import { BUDGET_RETRY_AFTER_SECONDS, BUDGET_WINDOW_SECONDS, IP_WINDOW_SECONDS, PHONE_DAY_WINDOW_SECONDS } from '../domain/otp-policy';
import { otpSmsBody } from '../domain/otp-sms';
import { sendRetryAfterSeconds } from '../domain/send-limits';
import type { AuthDeps } from './auth-deps';

export interface OtpRequest {
  phone: string;
  defaultRegion: string;
  clientIp: string;
}

export interface OtpChallengeIssued {
  challengeId: string;
  expiresAt: Date;
  resendAfterSeconds: number;
}

function parsePhone(phone: string, defaultRegion: string): string {
  if (defaultRegion !== '' && !/^[A-Z]{2}$/.test(defaultRegion)) {
    throw ServiceError.invalid(AuthErrorCode.InvalidPhone, 'the default region is not valid', [
      { field: 'default_region', description: 'must be a two-letter country code like "BD"' },
    ]);
  }
  try {
    return normalizePhone(phone, defaultRegion || undefined);
  } catch (error) {
    if (!(error instanceof InvalidPhoneError)) throw error;
    throw ServiceError.invalid(AuthErrorCode.InvalidPhone, 'the phone number is not valid', [
      { field: 'phone', description: error.message },
    ]);
  }
}

function parseClientIp(clientIp: string): string | null {
  if (clientIp.trim() === '') return null;
  const ip = validIpOrNull(clientIp);
  if (!ip) {
    throw ServiceError.invalid(AuthErrorCode.InvalidClientIp, 'the client address is not valid', [
      { field: 'client_ip', description: 'must be an IPv4 or IPv6 address' },
    ]);
  }
  return ip;
}

/**
 * Creates a challenge and sends its code by SMS after the answer. Nothing here depends on
 * whether the phone is registered, so the answer (and its timing) is the same for both.
 * Per phone and per client address, the checks and the insert run under advisory locks,
 * so parallel requests cannot overrun a cap.
 */
export async function requestOtp(deps: AuthDeps, input: OtpRequest, log: Logger): Promise<OtpChallengeIssued> {
  const phone = parsePhone(input.phone, input.defaultRegion);
  const clientIp = parseClientIp(input.clientIp);
  const ipBucket = clientIp ? ipBucketOf(clientIp) : null;
  const policy = deps.otpPolicy;
  const now = deps.clock();
  const challengeId = uuidv7(now.getTime());
  const code = generateOtpCode();
  const expiresAt = new Date(now.getTime() + policy.ttlSeconds * 1000);

  const outcome = await inTransaction(deps.prisma, async (tx) => {
    await lockForTransaction(tx, LockSpace.OtpSendPhone, phone);
    if (ipBucket) await lockForTransaction(tx, LockSpace.OtpSendIp, ipBucket);
    const since = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    const retryAfterSeconds = sendRetryAfterSeconds(
      {
        phoneSends: await OtpChallengeRepository.phoneSendsSince(tx, phone, since(PHONE_DAY_WINDOW_SECONDS), policy.maxSendsPerPhoneDay),
        ipSends: ipBucket
          ? await OtpChallengeRepository.ipSendsSince(tx, ipBucket, since(IP_WINDOW_SECONDS), policy.maxSendsPerIpHour)
          : [],
      },
      policy,
      now,
    );
    if (retryAfterSeconds !== null) return { refused: 'caller' as const, retryAfterSeconds };
    const sentToday = await OtpChallengeRepository.sendsSince(tx, since(BUDGET_WINDOW_SECONDS), policy.maxSendsPerDay);
    if (sentToday >= policy.maxSendsPerDay) return { refused: 'budget' as const, retryAfterSeconds: BUDGET_RETRY_AFTER_SECONDS };
    const superseded = await OtpChallengeRepository.supersedePending(tx, phone, now);
    await OtpChallengeRepository.insert(tx, {
      id: challengeId,
      phone,
      codeHash: hashOtp(deps.otpPepper, challengeId, code),
      createdAt: now,
      expiresAt,
      clientIp,
      ipBucket,
    });
    return { refused: false as const, superseded, sentToday: sentToday + 1 };
  });

  if (outcome.refused === 'budget') {
    log.error({ budget: policy.maxSendsPerDay }, 'ALERT sms daily budget spent: sign-in codes are paused (OTP_MAX_SENDS_PER_DAY)');
    throw smsBudgetExhausted(outcome.retryAfterSeconds);
  }
  if (outcome.refused) {
    log.warn({ phone: maskPhone(phone), ipBucket, retryAfterSeconds: outcome.retryAfterSeconds }, 'otp refused: send limit reached');
    throw sendsExhausted(outcome.retryAfterSeconds);
  }
  if (outcome.sentToday === Math.ceil(policy.maxSendsPerDay * 0.8)) {
    log.warn({ sentToday: outcome.sentToday, budget: policy.maxSendsPerDay }, 'sms daily budget 80% spent');
  }
  deps.sms.dispatch({ to: phone, body: otpSmsBody(code, policy.ttlSeconds), challengeId });
  log.info({ challengeId, phone: maskPhone(phone), superseded: outcome.superseded }, 'otp challenge created');
  return { challengeId, expiresAt, resendAfterSeconds: policy.resendCooldownSeconds };
}
