import { uuidv7 } from '@cashier/ids';
import type { User } from './generated/client';
import type { AuthTx } from './transaction';

export type StoredUser = User;

export const UserRepository = {
  /** The identity of a phone, created on first use; `created` tells which. */
  async findOrCreate(tx: AuthTx, phone: string, now: Date): Promise<{ user: StoredUser; created: boolean }> {
    const { count } = await tx.user.createMany({ data: [{ id: uuidv7(now.getTime()), phone, createdAt: now }], skipDuplicates: true });
    const user = await tx.user.findUniqueOrThrow({ where: { phone } });
    return { user, created: count === 1 };
  },
};
