import type { CallerContext } from '@cashier/auth-context';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { findAccount } from '../../db/account-store';
import { listCategories } from '../../db/category-store';
import type { LedgerDb, TransactionsPrisma } from '../../db/create-prisma';
import { runTeamWrite } from '../../db/team-write';
import { accountNotFound, failedPrecondition } from '../../domain/ledger-errors';
import { balanceChanges } from '../../domain/ledger-legs';
import { requirePermission } from '../../domain/require-permission';
import { resolveReferences, type References, type ResolvedTransaction } from '../../domain/transaction-references';
import { TransactionsErrorCode } from '../../domain/transactions-error-code';
import { guardBalances } from '../../use-cases/balance-guard';
import { scopeOf } from '../../use-cases/write-scope';
import { matchableRules } from '../../rules/db/category-rule-store';
import { applyCategoryRules } from '../../rules/domain/apply-category-rules';
import { existingLineIdentities } from '../db/existing-line-identities';
import { insertImportedTransactions } from '../db/insert-imported-transactions';
import { categoryNames } from '../domain/category-names';
import { CsvSyntaxError, parseCsvRecords } from '../domain/csv-records';
import { separateDuplicates } from '../domain/duplicate-lines';
import { MAX_IMPORT_LINES, type ImportSettings } from '../domain/import-settings';
import { readStatementLines, reasonOf, type RejectedLine, type StatementLine } from '../domain/statement-lines';
import { MAX_LISTED_LINES, PREVIEW_LINES, type ImportReport } from './import-report';

// A large file is written in one database transaction: give it time.
const IMPORT_WRITE_TIMEOUT_MS = 120_000;

interface ReadyLine extends StatementLine {
  resolved: ResolvedTransaction;
  kind: string;
  amountMinor: bigint;
  payee: string;
}

/**
 * Imports a bank statement (CSV) into one account: each line becomes an expense or an
 * income (auto-categorisation rules applied), lines already on the account are
 * duplicates and skipped, bad lines are reported with their reason. A dry run writes
 * nothing. A real run writes every new line in one database transaction under the
 * team's ledger lock, so a failure leaves nothing half-imported, and two imports of one
 * file cannot both add it. With allOrNothing, any rejected line refuses the whole file.
 */
export async function importTransactions(
  prisma: TransactionsPrisma,
  caller: CallerContext,
  settings: ImportSettings,
  csv: string,
): Promise<ImportReport> {
  requirePermission(caller, 'write');
  const records = csvRecords(csv, settings.delimiter);
  const account = await findAccount(prisma, caller.teamId, settings.accountId);
  if (!account) throw accountNotFound();
  if (account.archived) throw failedPrecondition(TransactionsErrorCode.InvalidImport, 'the account is archived');
  const categories = await listCategories(prisma, caller.teamId, false);
  const { lines, rejected } = readStatementLines(records, settings, account, categoryNames(categories));
  const references: References = {
    accounts: new Map([[account.id, { id: account.id, currencyCode: account.currencyCode, archived: false }]]),
    categories: new Map(categories.map((c) => [c.id, { id: c.id, kind: c.kind, archived: c.archived }])),
    loan: null,
  };
  const rules = await matchableRules(prisma, caller.teamId);
  const ready: ReadyLine[] = [];
  for (const line of lines) {
    const draft = applyCategoryRules(rules, line.draft);
    try {
      ready.push({ ...line, resolved: resolveReferences(draft, references), kind: draft.kind, amountMinor: draft.amount.amountMinor, payee: draft.payee });
    } catch (error) {
      rejected.push({ line: line.line, reason: reasonOf(error) });
    }
  }
  rejected.sort((a, b) => a.line - b.line);

  const refused = settings.allOrNothing && rejected.length > 0;
  if (settings.dryRun || refused) {
    const { fresh, duplicates } = separateDuplicates(ready, await existing(prisma, caller.teamId, settings, ready));
    return report(settings, records.length - 1, fresh, duplicates, rejected, 0, refused);
  }
  return runTeamWrite(
    prisma,
    scopeOf(caller),
    async (write) => {
      const { fresh, duplicates } = separateDuplicates(ready, await existing(write.db, caller.teamId, settings, ready));
      if (fresh.length > 0) {
        await insertImportedTransactions(write, fresh.map((line) => ({ id: uuidv7(), resolved: line.resolved })));
        await guardBalances(write.db, caller.teamId, balanceChanges([], fresh.flatMap((line) => line.resolved.legs)));
      }
      return report(settings, records.length - 1, fresh, duplicates, rejected, fresh.length, false);
    },
    { timeoutMs: IMPORT_WRITE_TIMEOUT_MS },
  );
}

function csvRecords(csv: string, delimiter: string) {
  try {
    const records = parseCsvRecords(csv, delimiter);
    if (records.length - 1 > MAX_IMPORT_LINES) {
      throw ServiceError.invalid(TransactionsErrorCode.InvalidImport, 'the import is not valid', [
        { field: 'csv', description: `has more than ${MAX_IMPORT_LINES} lines; split the file` },
      ]);
    }
    return records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw ServiceError.invalid(TransactionsErrorCode.InvalidImport, 'the import is not valid', [{ field: 'csv', description: error.message }]);
  }
}

async function existing(db: LedgerDb, teamId: string, settings: ImportSettings, lines: readonly ReadyLine[]) {
  if (lines.length === 0) return [];
  const days = lines.map((line) => line.day).sort();
  return existingLineIdentities(db, teamId, settings.accountId, settings.timeZone, days[0], days[days.length - 1]);
}

function report(
  settings: ImportSettings,
  lineCount: number,
  fresh: readonly ReadyLine[],
  duplicates: readonly ReadyLine[],
  rejected: readonly RejectedLine[],
  imported: number,
  refused: boolean,
): ImportReport {
  return {
    dryRun: settings.dryRun,
    lines: Math.max(lineCount, 0),
    fresh: fresh.length,
    imported,
    duplicates: duplicates.length,
    rejected: rejected.length,
    refused,
    rejectedLines: rejected.slice(0, MAX_LISTED_LINES),
    duplicateLines: duplicates.slice(0, MAX_LISTED_LINES).map((line) => line.line),
    preview: fresh.slice(0, PREVIEW_LINES).map((line) => ({ line: line.line, transaction: line.resolved })),
  };
}
