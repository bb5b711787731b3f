import type { JWK } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '../domain/signing-key-policy';

/** The public half as published in the JWKS: only the EC public parameters, kid, alg and use. */
export function publishedJwk(publicJwk: JWK, kid: string): JWK {
  const { kty, crv, x, y } = publicJwk;
  return { kty, crv, x, y, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
}
