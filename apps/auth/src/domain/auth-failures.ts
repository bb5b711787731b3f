import { status } from '@grpc/grpc-js';
import { ServiceError } from '@cashier/grpc';
import { AuthErrorCode } from './auth-error-code';
import { RateLimitedError } from './rate-limited-error';

// One error per kind of failure, whatever the cause, so that no answer tells an attacker
// which part was wrong (unknown challenge, wrong code, expired, used, superseded...).

export function codeRejected(): ServiceError {
  return ServiceError.unauthenticated(AuthErrorCode.CodeRejected, 'the code is wrong or expired');
}

export function refreshRejected(): ServiceError {
  return ServiceError.unauthenticated(AuthErrorCode.RefreshRejected, 'the refresh token is invalid or expired; sign in again');
}

export function sendsExhausted(retryAfterSeconds: number): RateLimitedError {
  return new RateLimitedError(AuthErrorCode.OtpRateLimited, 'too many codes requested; try again later', retryAfterSeconds);
}

export function smsBudgetExhausted(retryAfterSeconds: number): RateLimitedError {
  return new RateLimitedError(
    AuthErrorCode.SmsBudgetExhausted,
    'sign-in codes are paused for now; try again later',
    retryAfterSeconds,
    status.UNAVAILABLE,
  );
}

export function verifyLocked(retryAfterSeconds: number): RateLimitedError {
  return new RateLimitedError(AuthErrorCode.VerifyLocked, 'too many wrong codes for this phone; try again later', retryAfterSeconds);
}

export function sessionNotFound(): ServiceError {
  return ServiceError.notFound(AuthErrorCode.SessionNotFound, 'session not found');
}

export function noSession(): ServiceError {
  return ServiceError.unauthenticated(AuthErrorCode.NoSession, 'this call needs a signed-in session');
}
