import type { CallerContext } from '@cashier/auth-context';
import { isUniqueViolation } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { draftOfAccount, findAccountAnyTeam, insertAccount } from '../db/account-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { accountSnapshot } from '../db/entity-snapshots';
import { runTeamWrite } from '../db/team-write';
import type { NewAccount } from '../domain/new-account';
import { requirePermission } from '../domain/require-permission';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { accountViews, type AccountView } from './account-view';
import { scopeOf } from './write-scope';
import { accountChangedEvent } from '../events/account-changed-event';

function sameAccount(a: ReturnType<typeof draftOfAccount>, b: NewAccount): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.provider === b.provider &&
    a.openingBalance.amountMinor === b.openingBalance.amountMinor &&
    a.openingBalance.currencyCode === b.openingBalance.currencyCode &&
    a.allowNegative === b.allowNegative
  );
}

/** Opens an account (optionally with the client's own id: a retry with the same content is a replay). */
export async function createAccount(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  input: NewAccount,
): Promise<{ account: AccountView; created: boolean }> {
  requirePermission(caller, 'write');
  const id = input.id ?? uuidv7();
  try {
    const account = await runTeamWrite(prisma, scopeOf(caller), async (write) => {
      const row = await insertAccount(write.db, caller.teamId, caller.userId, id, { ...input, archived: false });
      await write.recordChange({ entityType: 'account', entityId: id, op: 'created', before: null, after: accountSnapshot(row) });
      await write.publish(accountChangedEvent(row, 'created', caller.requestId));
      return row;
    });
    return { account: (await accountViews(prisma, caller.teamId, [account]))[0], created: true };
  } catch (error) {
    if (!input.id || !isUniqueViolation(error)) throw error;
    const existing = await findAccountAnyTeam(prisma, input.id);
    if (existing && existing.teamId === caller.teamId && existing.createdBy === caller.userId && sameAccount(draftOfAccount(existing), input)) {
      return { account: (await accountViews(prisma, caller.teamId, [existing]))[0], created: false };
    }
    throw ServiceError.conflict(TransactionsErrorCode.IdConflict, 'this id is already used by a different account');
  }
}
