import type { CallerContext } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import type { Money } from '@cashier/money';
import { draftOfAccount, findAccount, rewriteAccount } from '../db/account-store';
import type { TransactionsPrisma } from '../db/create-prisma';
import { accountSnapshot } from '../db/entity-snapshots';
import { runTeamWrite } from '../db/team-write';
import { parseId } from '../domain/client-id';
import { accountNotFound, versionMismatch } from '../domain/ledger-errors';
import { validateAccountDraft, type AccountKind } from '../domain/new-account';
import { requirePermission } from '../domain/require-permission';
import { TransactionsErrorCode } from '../domain/transactions-error-code';
import { parseUpdateMask } from '../domain/update-mask';
import { guardBalances } from './balance-guard';
import { accountViews, type AccountView } from './account-view';
import { scopeOf } from './write-scope';
import { accountChangedEvent } from '../events/account-changed-event';

export const ACCOUNT_MASK_FIELDS = ['name', 'kind', 'provider', 'opening_balance', 'archived', 'allow_negative'] as const;

export interface AccountUpdate {
  id: string;
  /** 0: no check; otherwise the version the client read. */
  expectedVersion: bigint;
  updateMask: readonly string[];
  values: {
    name: string;
    kind: AccountKind | undefined;
    provider: string;
    openingBalance: Money | undefined;
    archived: boolean;
    allowNegative: boolean;
  };
}

/** Renames, archives or corrects an account; its currency never changes (its entries are in it). */
export async function updateAccount(prisma: TransactionsPrisma, caller: CallerContext, update: AccountUpdate): Promise<AccountView> {
  requirePermission(caller, 'write');
  const mask = parseUpdateMask(update.updateMask, ACCOUNT_MASK_FIELDS);
  const id = parseId(update.id);
  if (!id) throw accountNotFound();
  const row = await runTeamWrite(prisma, scopeOf(caller), async (write) => {
    const current = await findAccount(write.db, caller.teamId, id);
    if (!current) throw accountNotFound();
    if (update.expectedVersion > 0n && current.version !== update.expectedVersion) throw versionMismatch('account');
    const before = draftOfAccount(current);
    const values = update.values;
    if (mask.has('opening_balance') && values.openingBalance && values.openingBalance.currencyCode !== current.currencyCode) {
      throw ServiceError.invalid(TransactionsErrorCode.InvalidAccount, 'the account is not valid', [
        { field: 'currency', description: `an account's currency never changes; this one is ${current.currencyCode}` },
      ]);
    }
    const draft = validateAccountDraft({
      name: mask.has('name') ? values.name : before.name,
      kind: mask.has('kind') ? values.kind : before.kind,
      provider: mask.has('provider') ? values.provider : before.provider,
      openingBalance: mask.has('opening_balance') ? values.openingBalance : before.openingBalance,
      archived: mask.has('archived') ? values.archived : before.archived,
      allowNegative: mask.has('allow_negative') ? values.allowNegative : before.allowNegative,
    });
    const updated = await rewriteAccount(write.db, caller.teamId, caller.userId, id, current.version, draft);
    if (!updated) throw versionMismatch('account');
    const openingChange = draft.openingBalance.amountMinor - before.openingBalance.amountMinor;
    const tightened = before.allowNegative && !draft.allowNegative;
    await guardBalances(write.db, caller.teamId, new Map([[id, tightened ? -1n : openingChange]]));
    await write.recordChange({
      entityType: 'account',
      entityId: id,
      op: 'updated',
      before: accountSnapshot(current),
      after: accountSnapshot(updated),
    });
    await write.publish(accountChangedEvent(updated, 'updated', caller.requestId));
    return updated;
  });
  return (await accountViews(prisma, caller.teamId, [row]))[0];
}
