import { lockForTransaction, LockSpace } from '../db/advisory-lock';
import { SigningKeyRepository } from '../db/signing-key-repository';
import { inTransaction } from '../db/transaction';
import { activateNewSigningKey } from './activate-new-signing-key';
import type { SigningKeyDeps } from './ensure-signing-key';

/**
 * Activates a new signing key and retires the current one. The retired key stays in the
 * JWKS until every token it signed has expired (RETIRED_KEY_PUBLISHED_SECONDS), so a
 * rotation signs no one out. Running instances pick the new key up on their next reload.
 */
export async function rotateSigningKey(deps: SigningKeyDeps): Promise<{ kid: string; retired: string[] }> {
  return inTransaction(deps.prisma, async (tx) => {
    await lockForTransaction(tx, LockSpace.SigningKeys, 'signing-keys');
    const current = await SigningKeyRepository.findActive(tx);
    // Fails on a wrong SIGNING_KEYS_SECRET before anything changes: a key the services cannot decrypt must never become active.
    if (current) deps.cipher.decrypt(current.privateJwkEncrypted, current.kid);
    const now = deps.clock();
    const retired = await SigningKeyRepository.retireActive(tx, now);
    return { kid: await activateNewSigningKey(tx, deps.cipher, now), retired };
  });
}
