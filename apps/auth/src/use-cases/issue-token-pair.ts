import { uuidv7 } from '@cashier/ids';
import { RefreshTokenRepository } from '../db/refresh-token-repository';
import { SessionRepository } from '../db/session-repository';
import type { AuthTx } from '../db/transaction';
import { newRefreshToken } from '../domain/refresh-token';
import type { TokenPair } from '../tokens/token-pair';
import type { AuthDeps } from './auth-deps';

type TokenDeps = Pick<AuthDeps, 'accessTokens' | 'sessionLifetimeDays'>;

/** A new refresh token in the session (stored as its hash) and an access token for it that ends with the session at the latest. */
export async function issueTokenPair(
  deps: TokenDeps,
  tx: AuthTx,
  session: { id: string; userId: string; expiresAt: Date },
  now: Date,
): Promise<TokenPair> {
  const refresh = newRefreshToken();
  await RefreshTokenRepository.insert(tx, session.id, refresh.hash, now);
  const accessToken = await deps.accessTokens.sign({ userId: session.userId, sessionId: session.id, now, sessionEndsAt: session.expiresAt });
  return {
    accessToken,
    accessTokenExpiresIn: deps.accessTokens.lifetimeSeconds(now, session.expiresAt),
    refreshToken: refresh.token,
    refreshTokenExpiresAt: session.expiresAt,
    sessionId: session.id,
    userId: session.userId,
  };
}

/** A new session for a user who just proved their phone, with its first token pair. */
export async function openSession(
  deps: TokenDeps,
  tx: AuthTx,
  input: { userId: string; deviceName: string; createdIp: string | null; now: Date },
): Promise<TokenPair> {
  const session = await SessionRepository.create(tx, {
    id: uuidv7(input.now.getTime()),
    userId: input.userId,
    deviceName: input.deviceName,
    createdIp: input.createdIp,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + deps.sessionLifetimeDays * 24 * 3600_000),
  });
  return issueTokenPair(deps, tx, session, input.now);
}
