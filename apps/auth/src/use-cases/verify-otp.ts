import { isUuid } from '@cashier/ids';
import type { Logger } from '@cashier/logger';
import { maskPhone } from '@cashier/phone';
import { lockForTransaction, LockSpace } from '../db/advisory-lock';
import { OtpChallengeRepository } from '../db/otp-challenge-repository';
import { inTransaction } from '../db/transaction';
import { UserRepository } from '../db/user-repository';
import { VerifyFailureRepository } from '../db/verify-failure-repository';
import { codeRejected, verifyLocked } from '../domain/auth-failures';
import { cleanDeviceName } from '../domain/device-name';
import { validIpOrNull } from '../domain/ip-bucket';
import { isOtpCodeFormat } from '../domain/otp-code';
import { otpMatches } from '../domain/otp-hash';
import { MAX_ATTEMPTS_PER_CHALLENGE } from '../domain/otp-policy';
import { afterFailure, verifyLockoutSeconds } from '../domain/verify-lockout';
import { publishInTransaction } from '../events/publish-outbox';
import { userRegisteredEvent } from '../events/user-registered-event';
import type { TokenPair } from '../tokens/token-pair';
import type { AuthDeps } from './auth-deps';
import { openSession } from './issue-token-pair';

export interface OtpVerification {
  challengeId: string;
  code: string;
  deviceName: string;
  clientIp: string;
  requestId: string;
}

export interface SignedIn {
  tokens: TokenPair;
  newUser: boolean;
}

type Outcome =
  | { kind: 'rejected'; reason: string; phone?: string }
  | { kind: 'locked'; phone: string; retryAfterSeconds: number }
  | { kind: 'signed-in'; phone: string; signedIn: SignedIn };

/**
 * Exchanges a code for a session. One transaction, serialised per phone: it spends an
 * attempt (at most 5 per challenge), compares in constant time, and on a match consumes the
 * challenge, so of any number of parallel calls with the right code exactly one signs in.
 * A wrong code is committed as a spent attempt and a failure for the phone. Every rejection
 * is the same UNAUTHENTICATED; the reason is only logged.
 */
export async function verifyOtp(deps: AuthDeps, input: OtpVerification, log: Logger): Promise<SignedIn> {
  const challengeId = input.challengeId.toLowerCase();
  if (!isUuid(challengeId) || !isOtpCodeFormat(input.code)) {
    log.info({ reason: 'malformed request' }, 'otp rejected');
    throw codeRejected();
  }
  const now = deps.clock();

  const outcome = await inTransaction(deps.prisma, async (tx): Promise<Outcome> => {
    const phone = await OtpChallengeRepository.phoneOf(tx, challengeId);
    if (!phone) return { kind: 'rejected', reason: 'unknown challenge' };
    await lockForTransaction(tx, LockSpace.OtpVerifyPhone, phone);
    const failures = await VerifyFailureRepository.find(tx, phone);
    const lockedFor = verifyLockoutSeconds(failures, deps.otpPolicy, now);
    if (lockedFor !== null) return { kind: 'locked', phone, retryAfterSeconds: lockedFor };

    const storedHash = await OtpChallengeRepository.takeAttempt(tx, challengeId, now, MAX_ATTEMPTS_PER_CHALLENGE);
    if (!storedHash) return { kind: 'rejected', phone, reason: 'challenge expired, used, superseded or out of attempts' };
    if (!otpMatches(deps.otpPepper, challengeId, input.code, storedHash)) {
      await VerifyFailureRepository.save(tx, phone, afterFailure(failures, now), now);
      return { kind: 'rejected', phone, reason: 'wrong code' };
    }
    if (!(await OtpChallengeRepository.consume(tx, challengeId, now))) return { kind: 'rejected', phone, reason: 'already used' };

    await VerifyFailureRepository.clear(tx, phone);
    const { user, created } = await UserRepository.findOrCreate(tx, phone, now);
    if (created) await publishInTransaction(tx, userRegisteredEvent(user, input.requestId));
    const tokens = await openSession(deps, tx, {
      userId: user.id,
      deviceName: cleanDeviceName(input.deviceName),
      createdIp: validIpOrNull(input.clientIp),
      now,
    });
    return { kind: 'signed-in', phone, signedIn: { tokens, newUser: created } };
  });

  const phone = outcome.phone ? maskPhone(outcome.phone) : undefined;
  switch (outcome.kind) {
    case 'rejected':
      log.info({ challengeId, phone, reason: outcome.reason }, 'otp rejected');
      throw codeRejected();
    case 'locked':
      log.warn({ challengeId, phone, retryAfterSeconds: outcome.retryAfterSeconds }, 'otp refused: too many wrong codes for this phone');
      throw verifyLocked(outcome.retryAfterSeconds);
    case 'signed-in': {
      const { tokens, newUser } = outcome.signedIn;
      log.info({ challengeId, phone, userId: tokens.userId, sessionId: tokens.sessionId, newUser }, 'signed in');
      return outcome.signedIn;
    }
  }
}
