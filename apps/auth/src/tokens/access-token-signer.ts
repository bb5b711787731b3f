import { SignJWT } from 'jose';
import { uuidv7 } from '@cashier/ids';
import { ACCESS_TOKEN_ALGORITHM } from '../domain/signing-key-policy';
import type { ActiveSigningKey } from '../keys/signing-key-ring';

export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface ActiveKeySource {
  active(): Promise<ActiveSigningKey>;
}

/** Signs access tokens (RFC 9068 style): ES256, typ at+jwt, kid of the active key; sub = user, sid = session. */
export class AccessTokenSigner {
  constructor(
    private readonly keys: ActiveKeySource,
    private readonly settings: AccessTokenSettings,
  ) {}

  get ttlSeconds(): number {
    return this.settings.ttlSeconds;
  }

  /** Seconds a token signed at `now` lives: the configured lifetime, but never past the session's end. */
  lifetimeSeconds(now: Date, sessionEndsAt?: Date): number {
    if (!sessionEndsAt) return this.settings.ttlSeconds;
    const left = Math.floor(sessionEndsAt.getTime() / 1000) - Math.floor(now.getTime() / 1000);
    return Math.max(0, Math.min(this.settings.ttlSeconds, left));
  }

  async sign(input: { userId: string; sessionId: string; now: Date; sessionEndsAt?: Date }): Promise<string> {
    const { kid, privateKey } = await this.keys.active();
    const issuedAt = Math.floor(input.now.getTime() / 1000);
    return new SignJWT({ sid: input.sessionId })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid, typ: ACCESS_TOKEN_TYPE })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(input.userId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.lifetimeSeconds(input.now, input.sessionEndsAt))
      .setJti(uuidv7(input.now.getTime()))
      .sign(privateKey);
  }
}
