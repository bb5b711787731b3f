import type {
  AuthServiceServer,
  GetJwksRequest,
  GetJwksResponse,
  ListSessionsRequest,
  ListSessionsResponse,
  LogoutRequest,
  LogoutResponse,
  RefreshRequest,
  RefreshResponse,
  RequestOtpRequest,
  RequestOtpResponse,
  RevokeSessionRequest,
  RevokeSessionResponse,
  VerifyOtpRequest,
  VerifyOtpResponse,
} from '@cashier/contracts/cashier/auth/v1/auth';
import type { ContextTokenVerifier } from '@cashier/auth-context';
import { publicUnaryHandler, userUnaryHandler } from '@cashier/grpc';
import type { Logger } from '@cashier/logger';
import type { AuthDeps } from '../use-cases/auth-deps';
import { getJwks } from '../use-cases/get-jwks';
import { listSessions } from '../use-cases/list-sessions';
import { logout } from '../use-cases/logout';
import { refreshTokens } from '../use-cases/refresh-tokens';
import { requestOtp } from '../use-cases/request-otp';
import { revokeSession } from '../use-cases/revoke-session';
import { verifyOtp } from '../use-cases/verify-otp';
import { publicHandlerWithRetryAfter } from './retry-after';

/**
 * RequestOtp, VerifyOtp, Refresh and GetJwks run before anyone is signed in (the gateway's
 * anonymous context token); Logout, ListSessions and RevokeSession act on the user and
 * session named by the context token only.
 */
export function authHandlers(deps: AuthDeps & { verifier: ContextTokenVerifier; logger: Logger }): AuthServiceServer {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    requestOtp: publicHandlerWithRetryAfter<RequestOtpRequest, RequestOtpResponse>(
      { ...base, method: 'RequestOtp' },
      async (request, { log }) =>
        requestOtp(deps, { phone: request.phone, defaultRegion: request.defaultRegion, clientIp: request.clientIp }, log),
    ),
    verifyOtp: publicHandlerWithRetryAfter<VerifyOtpRequest, VerifyOtpResponse>(
      { ...base, method: 'VerifyOtp' },
      async (request, { caller, log }) =>
        verifyOtp(
          deps,
          {
            challengeId: request.challengeId,
            code: request.code,
            deviceName: request.deviceName,
            clientIp: request.clientIp,
            requestId: caller.requestId,
          },
          log,
        ),
    ),
    refresh: publicUnaryHandler<RefreshRequest, RefreshResponse>({ ...base, method: 'Refresh' }, async (request, { caller, log }) => ({
      tokens: await refreshTokens(deps, { refreshToken: request.refreshToken, requestId: caller.requestId }, log),
    })),
    logout: userUnaryHandler<LogoutRequest, LogoutResponse>({ ...base, method: 'Logout' }, async (_request, { caller, log }) => {
      await logout(deps, caller, log);
      return {};
    }),
    listSessions: userUnaryHandler<ListSessionsRequest, ListSessionsResponse>(
      { ...base, method: 'ListSessions' },
      async (_request, { caller }) => ({ sessions: await listSessions(deps, caller) }),
    ),
    revokeSession: userUnaryHandler<RevokeSessionRequest, RevokeSessionResponse>(
      { ...base, method: 'RevokeSession' },
      async (request, { caller, log }) => {
        await revokeSession(deps, caller, request.sessionId, log);
        return {};
      },
    ),
    getJwks: publicUnaryHandler<GetJwksRequest, GetJwksResponse>({ ...base, method: 'GetJwks' }, async () => ({
      jwksJson: JSON.stringify(await getJwks(deps)),
    })),
  };
}
