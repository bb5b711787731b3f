import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';
import type { Logger } from '@cashier/logger';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  expiresAt: number;
}

export class InvalidAccessTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidAccessTokenError';
  }
}

export interface AccessTokenVerifierOptions {
  issuer: string;
  audience: string;
  /** An unknown `kid` triggers at most one JWKS fetch per cooldown: no flood from forged kids. */
  refreshCooldownMs: number;
  fetchJwks: () => Promise<JSONWebKeySet>;
  logger: Logger;
}

const HEADER_KEY_PARAMETERS = ['jku', 'jwk', 'x5u', 'x5c'];

/**
 * Verifies access tokens from auth: ES256 only, typ at+jwt, issuer, audience, expiry,
 * and the subject and session claims required. Keys come from auth's JWKS, cached; a
 * token never brings its own key.
 */
export class AccessTokenVerifier {
  /**
   * Tokens already verified, by their exact bytes: the same bytes verify the same way until
   * they expire, so the ES256 check runs once per token, not once per request. Emptied
   * whenever the key set changes.
   */
  private readonly verified = new Map<string, AccessTokenClaims>();
  private static readonly MAX_VERIFIED = 20_000;
  private keySet: JWTVerifyGetKey | undefined;
  private knownKids = new Set<string>();
  private lastFetch = 0;
  private inflight: Promise<void> | undefined;

  constructor(private readonly options: AccessTokenVerifierOptions) {}

  /** Loads the keys once at boot; later fetches happen on demand. */
  async warmUp(): Promise<void> {
    await this.refresh();
  }

  jwks(): Promise<JSONWebKeySet> {
    return this.options.fetchJwks();
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known;
      this.verified.delete(token);
    }
    const claims = await this.verifySignatureAndClaims(token);
    if (this.verified.size >= AccessTokenVerifier.MAX_VERIFIED) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, claims);
    return claims;
  }

  private async verifySignatureAndClaims(token: string): Promise<AccessTokenClaims> {
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (HEADER_KEY_PARAMETERS.some((name) => name in header)) throw new InvalidAccessTokenError('key material in header');
      kid = header.kid;
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      throw new InvalidAccessTokenError('malformed token');
    }
    if (!kid) throw new InvalidAccessTokenError('no kid');
    if (!this.knownKids.has(kid) && Date.now() - this.lastFetch >= this.options.refreshCooldownMs) {
      await this.refresh().catch((error) => this.options.logger.warn({ err: error }, 'JWKS refresh failed'));
    }
    if (!this.keySet || !this.knownKids.has(kid)) throw new InvalidAccessTokenError('unknown kid');
    try {
      const { payload } = await jwtVerify(token, this.keySet, {
        algorithms: ['ES256'],
        typ: 'at+jwt',
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
        clockTolerance: 30,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
        throw new InvalidAccessTokenError('claims malformed');
      }
      return { userId: payload.sub, sessionId: payload.sid, expiresAt: payload.exp! * 1000 };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      if (error instanceof joseErrors.JOSEError) throw new InvalidAccessTokenError(error.code);
      throw error;
    }
  }

  private refresh(): Promise<void> {
    this.inflight ??= (async () => {
      try {
        this.lastFetch = Date.now();
        const jwks = await this.options.fetchJwks();
        this.keySet = createLocalJWKSet(jwks);
        this.verified.clear();
        this.knownKids = new Set(jwks.keys.map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string'));
        this.options.logger.info({ kids: [...this.knownKids] }, 'JWKS loaded');
      } finally {
        this.inflight = undefined;
      }
    })();
    return this.inflight;
  }
}
