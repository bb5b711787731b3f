import type { JSONWebKeySet, JWK } from 'jose';
import { SigningKeyRepository } from '../db/signing-key-repository';
import { RETIRED_KEY_PUBLISHED_SECONDS } from '../domain/signing-key-policy';
import { publishedJwk } from '../keys/published-jwk';
import type { AuthDeps } from './auth-deps';

/** The public keys that verify access tokens: the active key and recently retired ones. */
export async function getJwks(deps: Pick<AuthDeps, 'prisma' | 'clock'>): Promise<JSONWebKeySet> {
  const retiredAfter = new Date(deps.clock().getTime() - RETIRED_KEY_PUBLISHED_SECONDS * 1000);
  const keys = await SigningKeyRepository.listPublished(deps.prisma, retiredAfter);
  return { keys: keys.map((key) => publishedJwk(key.publicJwk as unknown as JWK, key.kid)) };
}
