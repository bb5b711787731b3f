import type { Logger } from '@cashier/logger';
import { RefreshTokenRepository } from '../db/refresh-token-repository';
import { SessionRepository } from '../db/session-repository';
import { inTransaction } from '../db/transaction';
import { refreshRejected } from '../domain/auth-failures';
import { hashRefreshToken, MAX_REFRESH_TOKEN_LENGTH } from '../domain/refresh-token';
import { publishInTransaction } from '../events/publish-outbox';
import { sessionRevokedEvent } from '../events/session-revoked-event';
import type { TokenPair } from '../tokens/token-pair';
import type { AuthDeps } from './auth-deps';
import { issueTokenPair } from './issue-token-pair';

type Outcome =
  | { kind: 'rejected'; reason: string; sessionId?: string }
  | { kind: 'reuse'; sessionId: string; userId: string; revokedNow: boolean }
  | { kind: 'rotated'; tokens: TokenPair };

/**
 * Rotates a refresh token: the presented one is marked used in the same transaction that
 * issues its successor in the same session. A token presented a second time means it was
 * copied: the whole session is revoked (its newest token dies with it), SessionRevoked is
 * published, and the caller gets the same UNAUTHENTICATED as for any bad token.
 */
export async function refreshTokens(
  deps: AuthDeps,
  input: { refreshToken: string; requestId: string },
  log: Logger,
): Promise<TokenPair> {
  if (input.refreshToken === '' || input.refreshToken.length > MAX_REFRESH_TOKEN_LENGTH) {
    log.info({ reason: 'malformed token' }, 'refresh rejected');
    throw refreshRejected();
  }
  const now = deps.clock();

  const outcome = await inTransaction(deps.prisma, async (tx): Promise<Outcome> => {
    const use = await RefreshTokenRepository.use(tx, hashRefreshToken(input.refreshToken), now);
    if (use.kind === 'unknown') return { kind: 'rejected', reason: 'unknown token' };
    const session = await SessionRepository.find(tx, use.sessionId);
    if (!session) return { kind: 'rejected', reason: 'session gone', sessionId: use.sessionId };
    if (use.kind === 'reuse') {
      const revokedNow = await SessionRepository.revoke(tx, { id: session.id }, 'refresh_token_reuse', now);
      if (revokedNow) await publishInTransaction(tx, sessionRevokedEvent(session, 'refresh_token_reuse', input.requestId));
      return { kind: 'reuse', sessionId: session.id, userId: session.userId, revokedNow };
    }
    if (session.revokedAt) return { kind: 'rejected', reason: 'session revoked', sessionId: session.id };
    if (session.expiresAt <= now) return { kind: 'rejected', reason: 'session expired', sessionId: session.id };
    await SessionRepository.touch(tx, session.id, now);
    return { kind: 'rotated', tokens: await issueTokenPair(deps, tx, session, now) };
  });

  switch (outcome.kind) {
    case 'rejected':
      log.info({ sessionId: outcome.sessionId, reason: outcome.reason }, 'refresh rejected');
      throw refreshRejected();
    case 'reuse':
      log.warn(
        { security: 'refresh_token_reuse', sessionId: outcome.sessionId, userId: outcome.userId, revokedNow: outcome.revokedNow },
        'refresh token reused: session revoked',
      );
      throw refreshRejected();
    case 'rotated':
      log.info({ sessionId: outcome.tokens.sessionId, userId: outcome.tokens.userId }, 'tokens refreshed');
      return outcome.tokens;
  }
}
