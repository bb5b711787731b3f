import type { JWK } from 'jose';
import type { SigningKey } from './generated/client';
import type { AuthTx } from './transaction';

export type StoredSigningKey = SigningKey;

export interface NewStoredSigningKey {
  kid: string;
  algorithm: string;
  publicJwk: JWK;
  privateJwkEncrypted: Buffer;
  now: Date;
}

export const SigningKeyRepository = {
  async findActive(tx: AuthTx): Promise<StoredSigningKey | null> {
    return tx.signingKey.findFirst({ where: { activatedAt: { not: null }, retiredAt: null } });
  },

  async retireActive(tx: AuthTx, now: Date): Promise<string[]> {
    const active = await tx.signingKey.findMany({ where: { activatedAt: { not: null }, retiredAt: null }, select: { kid: true } });
    await tx.signingKey.updateMany({ where: { activatedAt: { not: null }, retiredAt: null }, data: { retiredAt: now } });
    return active.map((key) => key.kid);
  },

  async insertActive(tx: AuthTx, key: NewStoredSigningKey): Promise<void> {
    await tx.signingKey.create({
      data: {
        kid: key.kid,
        algorithm: key.algorithm,
        publicJwk: key.publicJwk as object,
        privateJwkEncrypted: new Uint8Array(key.privateJwkEncrypted),
        createdAt: key.now,
        activatedAt: key.now,
      },
    });
  },

  /** The active key first, then the keys retired after `retiredAfter`, most recently retired first. */
  async listPublished(tx: AuthTx, retiredAfter: Date): Promise<StoredSigningKey[]> {
    return tx.signingKey.findMany({
      where: { activatedAt: { not: null }, OR: [{ retiredAt: null }, { retiredAt: { gt: retiredAfter } }] },
      orderBy: [{ retiredAt: { sort: 'desc', nulls: 'first' } }, { activatedAt: 'desc' }],
    });
  },
};
