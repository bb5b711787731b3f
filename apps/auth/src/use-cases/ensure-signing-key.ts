import type { AuthPrisma } from '../db/create-prisma';
import { lockForTransaction, LockSpace } from '../db/advisory-lock';
import { SigningKeyRepository } from '../db/signing-key-repository';
import { inTransaction } from '../db/transaction';
import type { Clock } from '../domain/clock';
import type { SigningKeyCipher } from '../keys/signing-key-cipher';
import { activateNewSigningKey } from './activate-new-signing-key';

export interface SigningKeyDeps {
  prisma: AuthPrisma;
  cipher: SigningKeyCipher;
  clock: Clock;
}

/**
 * At boot: makes sure one signing key is active, creating it if there is none. Instances
 * booting together queue on an advisory lock, so only the first one creates a key.
 */
export async function ensureSigningKey(deps: SigningKeyDeps): Promise<{ kid: string; created: boolean }> {
  return inTransaction(deps.prisma, async (tx) => {
    await lockForTransaction(tx, LockSpace.SigningKeys, 'signing-keys');
    const active = await SigningKeyRepository.findActive(tx);
    if (active) return { kid: active.kid, created: false };
    return { kid: await activateNewSigningKey(tx, deps.cipher, deps.clock()), created: true };
  });
}
