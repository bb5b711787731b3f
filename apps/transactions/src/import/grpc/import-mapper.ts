import type { ImportTransactionsRequest, ImportTransactionsResponse } from '@cashier/contracts/cashier/transactions/v1/ledger_import';
import { TransactionSource, type Transaction } from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { ResolvedTransaction } from '../../domain/transaction-references';
import { kindToProto } from '../../grpc/transaction-mapper';
import type { ImportSettingsInput } from '../domain/import-settings';
import type { ImportReport } from '../use-cases/import-report';

const NO_MAPPING = { date: '', amount: '', debit: '', credit: '', payee: '', description: '', category: '', tags: '' };

export function importSettingsInput(request: ImportTransactionsRequest): ImportSettingsInput {
  return {
    accountId: request.accountId,
    mapping: { ...NO_MAPPING, ...request.mapping },
    dateFormat: request.dateFormat,
    decimalSeparator: request.decimalSeparator,
    delimiter: request.delimiter,
    timeZone: request.timeZone,
    positiveIsExpense: request.positiveIsExpense,
    dryRun: request.dryRun,
    allOrNothing: request.allOrNothing,
  };
}

function previewToProto(teamId: string, draft: ResolvedTransaction): Transaction {
  return {
    id: '',
    teamId,
    type: kindToProto(draft.kind),
    amount: draft.amount,
    occurredAt: draft.occurredAt,
    description: draft.description,
    createdBy: '',
    createdAt: undefined,
    version: 0n,
    accountId: draft.accountId ?? '',
    categoryId: draft.categoryId ?? '',
    payee: draft.payee,
    tags: draft.tags,
    source: TransactionSource.TRANSACTION_SOURCE_IMPORT,
    attachmentRef: '',
    updatedBy: '',
    updatedAt: undefined,
    splits: [],
    toAccountId: '',
    toAmount: undefined,
    dueDate: '',
    loanId: '',
    outstanding: undefined,
  };
}

export function importReportToProto(teamId: string, report: ImportReport): ImportTransactionsResponse {
  return {
    dryRun: report.dryRun,
    lines: report.lines,
    fresh: report.fresh,
    imported: report.imported,
    duplicates: report.duplicates,
    rejected: report.rejected,
    refused: report.refused,
    rejectedLines: report.rejectedLines,
    duplicateLines: report.duplicateLines,
    preview: report.preview.map(({ line, transaction }) => ({ line, transaction: previewToProto(teamId, transaction) })),
  };
}
