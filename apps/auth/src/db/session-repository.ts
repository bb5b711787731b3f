import type { Session } from './generated/client';
import type { AuthTx } from './transaction';

export type StoredSession = Session;

export interface NewSession {
  id: string;
  userId: string;
  deviceName: string;
  createdIp: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export type RevokeReason = 'logout' | 'revoked' | 'refresh_token_reuse';

/** Sessions. Lookups on behalf of a user always name the user: another user's session does not exist. */
export const SessionRepository = {
  async create(tx: AuthTx, session: NewSession): Promise<StoredSession> {
    return tx.session.create({ data: { ...session, lastUsedAt: session.createdAt } });
  },

  async find(tx: AuthTx, id: string): Promise<StoredSession | null> {
    return tx.session.findUnique({ where: { id } });
  },

  async touch(tx: AuthTx, id: string, now: Date): Promise<void> {
    await tx.session.update({ where: { id }, data: { lastUsedAt: now } });
  },

  /** Revokes a live session (of `userId` when given); true when this call revoked it. */
  async revoke(tx: AuthTx, where: { id: string; userId?: string }, reason: RevokeReason, now: Date): Promise<boolean> {
    const { count } = await tx.session.updateMany({
      where: { ...where, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now, revokeReason: reason },
    });
    return count === 1;
  },

  async listLive(tx: AuthTx, userId: string, now: Date): Promise<StoredSession[]> {
    return tx.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
    });
  },

  /** Sessions that ended (expired or revoked) before `before`, with their refresh tokens. */
  async deleteEndedBefore(tx: AuthTx, before: Date): Promise<number> {
    const { count } = await tx.session.deleteMany({
      where: { OR: [{ expiresAt: { lt: before } }, { revokedAt: { lt: before } }] },
    });
    return count;
  },
};
