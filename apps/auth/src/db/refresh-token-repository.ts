import { uuidv7 } from '@cashier/ids';
import type { AuthTx } from './transaction';

export type RefreshTokenUse =
  | { kind: 'unknown' }
  | { kind: 'first-use'; sessionId: string }
  | { kind: 'reuse'; sessionId: string };

/** Refresh tokens, by their SHA-256 only. */
export const RefreshTokenRepository = {
  async insert(tx: AuthTx, sessionId: string, tokenHash: Buffer, now: Date): Promise<void> {
    await tx.refreshToken.create({
      data: { id: uuidv7(now.getTime()), sessionId, tokenHash: new Uint8Array(tokenHash), createdAt: now },
    });
  },

  /**
   * Marks the token used in one UPDATE. Of two concurrent uses exactly one hits the row;
   * the other waits on its lock, then finds it used and reports a reuse.
   */
  async use(tx: AuthTx, tokenHash: Buffer, now: Date): Promise<RefreshTokenUse> {
    const hash = new Uint8Array(tokenHash);
    const { count } = await tx.refreshToken.updateMany({ where: { tokenHash: hash, usedAt: null }, data: { usedAt: now } });
    const row = await tx.refreshToken.findUnique({ where: { tokenHash: hash }, select: { sessionId: true } });
    if (!row) return { kind: 'unknown' };
    return count === 1 ? { kind: 'first-use', sessionId: row.sessionId } : { kind: 'reuse', sessionId: row.sessionId };
  },
};
