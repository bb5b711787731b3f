import { importJWK, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import { ROLES, type InternalContext, type Role } from './caller-context';

/** gRPC metadata key that carries the signed internal context token. */
export const CONTEXT_METADATA_KEY = 'x-cashier-context';

const ALGORITHM = 'EdDSA';
const TOKEN_TYPE = 'cashier-ctx+jwt';
const ISSUER = 'cashier-gateway';
export const CONTEXT_TOKEN_TTL_SECONDS = 60;

export class InvalidContextTokenError extends Error {
  constructor(reason: string) {
    super(`invalid internal context token: ${reason}`);
    this.name = 'InvalidContextTokenError';
  }
}

/** Signs short-lived context tokens; only the gateway holds the private key. */
export class ContextTokenSigner {
  private constructor(private readonly key: KeyLike | Uint8Array) {}

  static async fromJwk(privateJwk: JWK): Promise<ContextTokenSigner> {
    return new ContextTokenSigner(await importJWK(privateJwk, ALGORITHM));
  }

  /** `audience` is the callee service: a token minted for billing is refused by transactions. */
  sign(context: InternalContext, audience: string): Promise<string> {
    const jwt = new SignJWT({ rid: context.requestId, sid: context.sessionId, team: context.teamId, role: context.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${CONTEXT_TOKEN_TTL_SECONDS}s`);
    if (context.userId) jwt.setSubject(context.userId);
    return jwt.sign(this.key);
  }
}

/** Verifies context tokens in every service; bare identity headers are never trusted. */
export class ContextTokenVerifier {
  private constructor(
    private readonly key: KeyLike | Uint8Array,
    private readonly audience: string,
  ) {}

  static async fromJwk(publicJwk: JWK, audience: string): Promise<ContextTokenVerifier> {
    return new ContextTokenVerifier(await importJWK(publicJwk, ALGORITHM), audience);
  }

  async verify(token: string | undefined): Promise<InternalContext> {
    if (!token) throw new InvalidContextTokenError('missing');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        typ: TOKEN_TYPE,
        issuer: ISSUER,
        audience: this.audience,
        requiredClaims: ['exp', 'iat', 'rid'],
        maxTokenAge: `${CONTEXT_TOKEN_TTL_SECONDS + 5}s`,
        clockTolerance: 5,
      });
      const { sub, sid, team, role, rid } = payload;
      const optionalString = (value: unknown, name: string): string | undefined => {
        if (value === undefined) return undefined;
        if (typeof value !== 'string' || value === '') throw new InvalidContextTokenError(`${name} is malformed`);
        return value;
      };
      if (typeof rid !== 'string') throw new InvalidContextTokenError('rid is malformed');
      if (role !== undefined && !ROLES.includes(role as Role)) throw new InvalidContextTokenError('unknown role');
      const context: InternalContext = {
        requestId: rid,
        userId: optionalString(sub, 'sub'),
        sessionId: optionalString(sid, 'sid'),
        teamId: optionalString(team, 'team'),
        role: role as Role | undefined,
      };
      if ((context.teamId === undefined) !== (context.role === undefined) || (context.teamId && !context.userId)) {
        throw new InvalidContextTokenError('team and role come together, and only with a user');
      }
      return context;
    } catch (error) {
      if (error instanceof InvalidContextTokenError) throw error;
      throw new InvalidContextTokenError((error as Error).message);
    }
  }
}
