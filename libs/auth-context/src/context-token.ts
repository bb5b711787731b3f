import { importJWK, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import { ROLES, type InternalContext, type Role } from './caller-context';

/** gRPC metadata key that carries the signed internal context token. */
export const CONTEXT_METADATA_KEY = 'x-cashier-context';

const ALGORITHM = 'EdDSA';
const TOKEN_TYPE = 'cashier-ctx+jwt';
const ISSUER = 'cashier-gateway';
export const CONTEXT_TOKEN_TTL_SECONDS = 60;
/** A signed token is reused for the same caller and callee this long: half its life is left when the last use starts. */
const REUSE_SECONDS = 30;
/** Bounds on the caches of signed and verified tokens (cleared whole when full: they refill in one request each). */
const MAX_CACHED_TOKENS = 10_000;

/** Who calls, as the token states it: the context without the request id (that travels beside it, per call). */
type Identity = Omit<InternalContext, 'requestId'>;

export class InvalidContextTokenError extends Error {
  constructor(reason: string) {
    super(`invalid internal context token: ${reason}`);
    this.name = 'InvalidContextTokenError';
  }
}

/**
 * Signs short-lived context tokens; only the gateway holds the private key. A token states
 * who calls (user, session, team, role) for one callee (audience), so the same caller's
 * calls to the same service share one token for REUSE_SECONDS: an Ed25519 signature per
 * request was a tenth of the gateway's CPU.
 */
export class ContextTokenSigner {
  private readonly issued = new Map<string, { token: string; reuseUntilMs: number }>();

  private constructor(private readonly key: KeyLike | Uint8Array) {}

  static async fromJwk(privateJwk: JWK): Promise<ContextTokenSigner> {
    return new ContextTokenSigner(await importJWK(privateJwk, ALGORITHM));
  }

  /** `audience` is the callee service: a token minted for billing is refused by transactions. */
  async sign(context: InternalContext, audience: string): Promise<string> {
    const key = [audience, context.userId, context.sessionId, context.teamId, context.role].join('|');
    const now = Date.now();
    const cached = this.issued.get(key);
    if (cached && cached.reuseUntilMs > now) return cached.token;
    if (this.issued.size >= MAX_CACHED_TOKENS) this.issued.clear();
    const token = await this.mint(context, audience);
    this.issued.set(key, { token, reuseUntilMs: now + REUSE_SECONDS * 1000 });
    return token;
  }

  private mint(context: InternalContext, audience: string): Promise<string> {
    const jwt = new SignJWT({ sid: context.sessionId, team: context.teamId, role: context.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${CONTEXT_TOKEN_TTL_SECONDS}s`);
    if (context.userId) jwt.setSubject(context.userId);
    return jwt.sign(this.key);
  }
}

/**
 * Verifies context tokens in every service; bare identity headers are never trusted. A
 * token verified once is remembered by its exact text until it expires, so the gateway's
 * reused tokens cost one signature check, not one per call.
 */
export class ContextTokenVerifier {
  private readonly verified = new Map<string, { identity: Identity; untilMs: number }>();

  private constructor(
    private readonly key: KeyLike | Uint8Array,
    private readonly audience: string,
  ) {}

  static async fromJwk(publicJwk: JWK, audience: string): Promise<ContextTokenVerifier> {
    return new ContextTokenVerifier(await importJWK(publicJwk, ALGORITHM), audience);
  }

  /** The caller the token names, with the call's request id (sent beside the token). */
  async verify(token: string | undefined, requestId: string): Promise<InternalContext> {
    if (!token) throw new InvalidContextTokenError('missing');
    const now = Date.now();
    const cached = this.verified.get(token);
    if (cached && cached.untilMs > now) return { ...cached.identity, requestId };
    const { identity, untilMs } = await this.check(token);
    if (this.verified.size >= MAX_CACHED_TOKENS) this.verified.clear();
    this.verified.set(token, { identity, untilMs });
    return { ...identity, requestId };
  }

  private async check(token: string): Promise<{ identity: Identity; untilMs: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        typ: TOKEN_TYPE,
        issuer: ISSUER,
        audience: this.audience,
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: `${CONTEXT_TOKEN_TTL_SECONDS + 5}s`,
        clockTolerance: 5,
      });
      const { sub, sid, team, role, exp, iat } = payload;
      const optionalString = (value: unknown, name: string): string | undefined => {
        if (value === undefined) return undefined;
        if (typeof value !== 'string' || value === '') throw new InvalidContextTokenError(`${name} is malformed`);
        return value;
      };
      if (role !== undefined && !ROLES.includes(role as Role)) throw new InvalidContextTokenError('unknown role');
      const identity: Identity = {
        userId: optionalString(sub, 'sub'),
        sessionId: optionalString(sid, 'sid'),
        teamId: optionalString(team, 'team'),
        role: role as Role | undefined,
      };
      if ((identity.teamId === undefined) !== (identity.role === undefined) || (identity.teamId && !identity.userId)) {
        throw new InvalidContextTokenError('team and role come together, and only with a user');
      }
      // Remembered no longer than jwtVerify itself would accept it (expiry, and the age limit).
      const untilMs = Math.min(exp!, iat! + CONTEXT_TOKEN_TTL_SECONDS + 5) * 1000;
      return { identity, untilMs };
    } catch (error) {
      if (error instanceof InvalidContextTokenError) throw error;
      throw new InvalidContextTokenError((error as Error).message);
    }
  }
}
