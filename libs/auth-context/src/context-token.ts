import { importJWK, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import { ROLES, type CallerContext, type Role } from './caller-context';

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
  sign(context: CallerContext, audience: string): Promise<string> {
    return new SignJWT({ team: context.teamId, role: context.role, rid: context.requestId })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(context.userId)
      .setIssuedAt()
      .setExpirationTime(`${CONTEXT_TOKEN_TTL_SECONDS}s`)
      .sign(this.key);
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

  async verify(token: string | undefined): Promise<CallerContext> {
    if (!token) throw new InvalidContextTokenError('missing');
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        typ: TOKEN_TYPE,
        issuer: ISSUER,
        audience: this.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: `${CONTEXT_TOKEN_TTL_SECONDS + 5}s`,
        clockTolerance: 5,
      });
      const { sub, team, role, rid } = payload;
      if (typeof sub !== 'string' || typeof team !== 'string' || typeof rid !== 'string') {
        throw new InvalidContextTokenError('claims missing');
      }
      if (!ROLES.includes(role as Role)) throw new InvalidContextTokenError('unknown role');
      return { userId: sub, teamId: team, role: role as Role, requestId: rid };
    } catch (error) {
      if (error instanceof InvalidContextTokenError) throw error;
      throw new InvalidContextTokenError((error as Error).message);
    }
  }
}
