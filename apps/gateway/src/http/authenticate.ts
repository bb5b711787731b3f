import type { RequestHandler } from 'express';
import type { AccessTokenVerifier } from '../identity/access-token-verifier';
import { InvalidAccessTokenError } from '../identity/access-token-verifier';
import type { SessionDenylist } from '../identity/session-denylist';
import { Problem } from './problem';

const unauthenticated = () =>
  new Problem(401, 'UNAUTHENTICATED', 'the access token is missing, invalid or expired', [], {
    'WWW-Authenticate': 'Bearer',
  });

/** Requires a valid access token of a live session; sets res.locals.user. */
export function authenticate(verifier: AccessTokenVerifier, denylist: SessionDenylist): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(req.header('authorization') ?? '');
    if (!match) {
      next(unauthenticated());
      return;
    }
    try {
      const claims = await verifier.verify(match[1]);
      if (denylist.isRevoked(claims.sessionId)) throw new InvalidAccessTokenError('session revoked');
      res.locals.user = { userId: claims.userId, sessionId: claims.sessionId, requestId: res.locals.requestId };
      next();
    } catch (error) {
      next(error instanceof InvalidAccessTokenError ? unauthenticated() : error);
    }
  };
}
