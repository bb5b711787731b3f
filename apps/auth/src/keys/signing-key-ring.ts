import { importJWK, type KeyLike } from 'jose';
import type { Logger } from '@cashier/logger';
import type { AuthPrisma } from '../db/create-prisma';
import { SigningKeyRepository } from '../db/signing-key-repository';
import { ACCESS_TOKEN_ALGORITHM, KEY_RELOAD_INTERVAL_SECONDS } from '../domain/signing-key-policy';
import type { SigningKeyCipher } from './signing-key-cipher';

export interface ActiveSigningKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
}

/**
 * The active signing key, decrypted once and kept in memory. Re-read from the database
 * periodically, so a rotation done by another instance or the CLI takes effect here too.
 */
export class SigningKeyRing {
  private current: ActiveSigningKey | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: AuthPrisma,
    private readonly cipher: SigningKeyCipher,
    private readonly logger: Logger,
  ) {}

  async reload(): Promise<ActiveSigningKey> {
    const row = await SigningKeyRepository.findActive(this.prisma);
    if (!row) throw new Error('no active signing key: the service must ensure one at boot');
    if (row.kid !== this.current?.kid) {
      const privateKey = await importJWK(this.cipher.decrypt(row.privateJwkEncrypted, row.kid), ACCESS_TOKEN_ALGORITHM);
      this.current = { kid: row.kid, privateKey };
      this.logger.info({ kid: row.kid }, 'signing key loaded');
    }
    return this.current;
  }

  async active(): Promise<ActiveSigningKey> {
    return this.current ?? this.reload();
  }

  startReloading(intervalMs = KEY_RELOAD_INTERVAL_SECONDS * 1000): void {
    this.timer = setInterval(() => {
      this.reload().catch((error: unknown) => this.logger.warn({ err: error }, 'signing key reload failed; keeping the current key'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
