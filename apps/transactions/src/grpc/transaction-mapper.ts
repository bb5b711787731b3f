import {
  TransactionSource as SourceProto,
  TransactionType,
  type CreateTransactionRequest,
  type Split,
  type Transaction as TransactionMessage,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { TransactionInput } from '../domain/new-transaction';
import type { SplitInput } from '../domain/splits';
import type { TransactionKind, TransactionSource } from '../domain/transaction-kind';
import type { TransactionView } from '../use-cases/transaction-view';

const KINDS: [TransactionType, TransactionKind][] = [
  [TransactionType.TRANSACTION_TYPE_EXPENSE, 'expense'],
  [TransactionType.TRANSACTION_TYPE_INCOME, 'income'],
  [TransactionType.TRANSACTION_TYPE_TRANSFER, 'transfer'],
  [TransactionType.TRANSACTION_TYPE_LOAN_GIVEN, 'loan_given'],
  [TransactionType.TRANSACTION_TYPE_LOAN_TAKEN, 'loan_taken'],
  [TransactionType.TRANSACTION_TYPE_DEBT, 'debt'],
  [TransactionType.TRANSACTION_TYPE_REPAYMENT, 'repayment'],
];
const KIND_OF = new Map(KINDS);
const TYPE_OF = new Map(KINDS.map(([type, kind]) => [kind, type]));

const SOURCES: [SourceProto, TransactionSource][] = [
  [SourceProto.TRANSACTION_SOURCE_MANUAL, 'manual'],
  [SourceProto.TRANSACTION_SOURCE_AI, 'ai'],
  [SourceProto.TRANSACTION_SOURCE_RECEIPT, 'receipt'],
  [SourceProto.TRANSACTION_SOURCE_IMPORT, 'import'],
  [SourceProto.TRANSACTION_SOURCE_RECURRING, 'recurring'],
];
const SOURCE_OF = new Map(SOURCES);
const SOURCE_TO_PROTO = new Map(SOURCES.map(([proto, source]) => [source, proto]));

export function kindFromProto(type: TransactionType): TransactionKind | undefined {
  return KIND_OF.get(type);
}

export function kindToProto(kind: TransactionKind): TransactionType {
  return TYPE_OF.get(kind)!;
}

function splitInputs(splits: readonly Split[]): SplitInput[] {
  return splits.map((split) => ({ categoryId: split.categoryId, amount: split.amount, description: split.description }));
}

/** A create request as the domain reads it; an unspecified source is manual. */
export function createInput(request: CreateTransactionRequest): TransactionInput & { id: string } {
  return {
    id: request.id,
    kind: kindFromProto(request.type),
    amount: request.amount,
    occurredAt: request.occurredAt,
    description: request.description,
    accountId: request.accountId,
    categoryId: request.categoryId,
    payee: request.payee,
    tags: request.tags,
    source: SOURCE_OF.get(request.source) ?? 'manual',
    attachmentRef: request.attachmentRef,
    splits: splitInputs(request.splits),
    toAccountId: request.toAccountId,
    toAmount: request.toAmount,
    dueDate: request.dueDate,
    loanId: request.loanId,
  };
}

/** The values of an update request (only the masked ones are used). */
export function updateValues(message: TransactionMessage): TransactionInput {
  return {
    kind: kindFromProto(message.type),
    amount: message.amount,
    occurredAt: message.occurredAt,
    description: message.description,
    accountId: message.accountId,
    categoryId: message.categoryId,
    payee: message.payee,
    tags: message.tags,
    attachmentRef: message.attachmentRef,
    splits: splitInputs(message.splits),
    toAccountId: message.toAccountId,
    toAmount: message.toAmount,
    dueDate: message.dueDate,
    loanId: message.loanId,
  };
}

export function toProto({ row, outstandingMinor }: TransactionView): TransactionMessage {
  return {
    id: row.id,
    teamId: row.teamId,
    type: kindToProto(row.type),
    amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode },
    occurredAt: row.occurredAt,
    description: row.description,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    version: row.version,
    accountId: row.accountId ?? '',
    categoryId: row.categoryId ?? '',
    payee: row.payee,
    tags: row.tags,
    source: SOURCE_TO_PROTO.get(row.source) ?? SourceProto.TRANSACTION_SOURCE_MANUAL,
    attachmentRef: row.attachmentRef,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
    splits: row.splits.map((part) => ({
      categoryId: part.categoryId,
      amount: { amountMinor: part.amountMinor, currencyCode: row.currencyCode },
      description: part.description,
    })),
    toAccountId: row.toAccountId ?? '',
    toAmount:
      row.toAmountMinor !== null && row.toCurrencyCode !== null
        ? { amountMinor: row.toAmountMinor, currencyCode: row.toCurrencyCode }
        : undefined,
    dueDate: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : '',
    loanId: row.loanId ?? '',
    outstanding: outstandingMinor === null ? undefined : { amountMinor: outstandingMinor, currencyCode: row.currencyCode },
  };
}
