import { loadReferences } from '../../db/reference-loader';
import { TeamWrite, type WriteScope } from '../../db/team-write';
import type { StoredTransaction } from '../../db/transaction-store';
import { validateTransactionDraft, type TransactionDraft } from '../../domain/new-transaction';
import { referencedIds, resolveReferences, type ResolvedTransaction } from '../../domain/transaction-references';
import { recordTransaction } from '../../use-cases/record-transaction';
import type { EntryTemplate } from '../domain/new-recurring-rule';
import type { PlanningDb, PlanningTx } from './planning-store';

// Planning writes the ledger only here, and only through the ledger's own write path
// (TeamWrite + recordTransaction), so a recurring entry is a transaction like any other:
// references checked in the team, split/leg rows, balance guard, change log, event.

/** The transaction a template makes on a day: source "recurring". Throws INVALID_ARGUMENT for a bad template. */
export function draftOfTemplate(template: EntryTemplate, occurredAt: Date, now: Date = new Date()): TransactionDraft {
  return validateTransactionDraft(
    {
      kind: template.entryType,
      amount: template.amount,
      occurredAt,
      description: template.description,
      accountId: template.accountId ?? '',
      categoryId: template.categoryId ?? '',
      source: 'recurring',
    },
    now,
  );
}

/** Checks a template against the team's ledger (account and category exist, kinds and currency fit). */
export async function resolveTemplate(db: PlanningDb, teamId: string, draft: TransactionDraft): Promise<ResolvedTransaction> {
  return resolveReferences(draft, await loadReferences(db, teamId, referencedIds(draft)));
}

/** Takes the team's ledger write lock, as every ledger write does first (TeamWrite.begin). */
export function lockTeamLedger(tx: PlanningTx, scope: WriteScope): Promise<TeamWrite> {
  return TeamWrite.begin(tx, scope);
}

/** Writes one transaction of a recurring rule exactly as the API would (recordTransaction). */
export function writeLedgerEntry(write: TeamWrite, id: string, draft: TransactionDraft): Promise<StoredTransaction> {
  return recordTransaction(write, id, draft);
}
