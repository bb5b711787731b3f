import { isForeignKeyViolation, withSerializationRetry } from '@cashier/db';
import type { TransactionsPrisma } from '../db/create-prisma';
import { transactionSnapshot } from '../db/entity-snapshots';
import { loadReferences } from '../db/reference-loader';
import { runTeamWrite, TeamWrite, type WriteScope } from '../db/team-write';
import { newTransactionRows, type StoredTransaction } from '../db/transaction-store';
import { balanceChanges } from '../domain/ledger-legs';
import type { TransactionDraft } from '../domain/new-transaction';
import { referencedIds, resolveReferences, type ResolvedTransaction } from '../domain/transaction-references';
import { transactionCreatedEvent } from '../events/transaction-created-event';
import { guardBalancesBeforeWrite, lowersAny } from './balance-guard';

/**
 * Writes one new transaction of a team inside a team write (runTeamWrite, or
 * TeamWrite.begin on a database transaction the caller already has open, e.g. planning
 * posting a recurring entry with its own rows): checks what it refers to, inserts it with
 * its split parts and account legs, refuses an overdraft, logs the change and queues
 * `transaction.created`. Validate the draft first (validateTransactionDraft); throws
 * ServiceError when a ledger rule refuses it.
 *
 * In a write that has not taken the team's lock yet (runTeamWrite with `lock: 'tail'`)
 * the lock is taken as late as correctness allows: a repayment takes it before reading
 * what the loan still owes; a transaction that lowers an account takes it before the
 * balance check (which then sees every earlier write of the team); anything else takes it
 * only with its last statement, which writes the row, its parts and legs, the change-log
 * entry and the event together, just before COMMIT.
 */
export async function recordTransaction(write: TeamWrite, id: string, draft: TransactionDraft): Promise<StoredTransaction> {
  const { scope } = write;
  const ids = referencedIds(draft);
  if (ids.loanId) await write.lock();
  const resolved = resolveReferences(draft, await loadReferences(write.db, scope.teamId, ids));
  const changes = balanceChanges([], resolved.legs);
  if (lowersAny(changes)) {
    await write.lock();
    await guardBalancesBeforeWrite(write.db, scope.teamId, changes);
  }
  return writeNew(write, id, resolved);
}

/**
 * recordTransaction in a team write of its own. A transaction that neither repays a loan
 * nor takes money out of an account checks nothing the team's other writes could change
 * meanwhile (its references are rows the foreign keys hold on to), so it is written by a
 * single statement (row, parts, legs, change log, event; the team's lock only inside it),
 * without BEGIN and COMMIT round trips. One that takes money out of an account takes the
 * team's lock, checks the balances and writes (the references it loaded stay valid for
 * the same reason). A repayment, or a reference deleted since it was loaded, goes the
 * whole way through recordTransaction.
 */
export async function recordNewTransaction(
  prisma: TransactionsPrisma,
  scope: WriteScope,
  id: string,
  draft: TransactionDraft,
): Promise<StoredTransaction> {
  const ids = referencedIds(draft);
  if (!ids.loanId) {
    const resolved = resolveReferences(draft, await loadReferences(prisma, scope.teamId, ids));
    const changes = balanceChanges([], resolved.legs);
    try {
      if (!lowersAny(changes)) return await withSerializationRetry(() => writeNew(new TeamWrite(prisma, scope), id, resolved));
      return await runTeamWrite(prisma, scope, async (write) => {
        await guardBalancesBeforeWrite(write.db, scope.teamId, changes);
        return writeNew(write, id, resolved);
      });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
    }
  }
  return runTeamWrite(prisma, scope, (write) => recordTransaction(write, id, draft), { lock: 'tail' });
}

/** The row with its parts and legs, its change-log entry and its event: one statement. */
async function writeNew(write: TeamWrite, id: string, resolved: ResolvedTransaction): Promise<StoredTransaction> {
  const { scope } = write;
  const { row, insert } = newTransactionRows(scope.teamId, scope.actorId, id, resolved);
  await write.recordChangeAndPublish(
    { entityType: 'transaction', entityId: id, op: 'created', before: null, after: transactionSnapshot(row) },
    transactionCreatedEvent(row, scope.requestId),
    insert,
  );
  return row;
}
