import type { FieldViolation } from '@cashier/grpc';
import type { Money } from '@cashier/money';
import { positiveMoney } from './checked-money';
import { parseId } from './client-id';
import { throwIfInvalid } from './ledger-errors';
import { checkSplits, type SplitInput, type SplitPart } from './splits';
import { checkTags } from './tags';
import { categoryKindFor, isLoanKind, type TransactionKind, type TransactionSource } from './transaction-kind';
import { TransactionsErrorCode } from './transactions-error-code';

export type { TransactionKind, TransactionSource } from './transaction-kind';

/** The content of a transaction after the rules that need no database: what gets stored. */
export interface TransactionDraft {
  kind: TransactionKind;
  amount: Money;
  occurredAt: Date;
  description: string;
  accountId: string | null;
  categoryId: string | null;
  payee: string;
  tags: string[];
  source: TransactionSource;
  attachmentRef: string;
  splits: SplitPart[];
  toAccountId: string | null;
  /** A transfer's destination amount when given; null means "same as amount" (same currency). */
  toAmount: Money | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  loanId: string | null;
}

export interface NewTransaction extends TransactionDraft {
  /** The client's own id (offline creation, safe retries); undefined: the service picks one. */
  id: string | undefined;
}

/** A transaction as a client describes it; empty strings mean "none". */
export interface TransactionInput {
  kind: TransactionKind | undefined;
  amount: Money | undefined;
  occurredAt: Date | undefined;
  description: string;
  accountId?: string;
  categoryId?: string;
  payee?: string;
  tags?: readonly string[];
  source?: TransactionSource;
  attachmentRef?: string;
  splits?: readonly SplitInput[];
  toAccountId?: string;
  toAmount?: Money | undefined;
  dueDate?: string;
  loanId?: string;
}

export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_PAYEE_LENGTH = 200;
export const MAX_ATTACHMENT_REF_LENGTH = 300;
const MAX_FUTURE_MS = 366 * 24 * 3600_000;
const EARLIEST = Date.UTC(1900, 0, 1);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function optionalId(value: string | undefined, field: string, violations: FieldViolation[]): string | null {
  if (!value) return null;
  const id = parseId(value);
  if (!id) violations.push({ field, description: 'must be a UUID' });
  return id ?? null;
}

/** A calendar date YYYY-MM-DD that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function forbid(violations: FieldViolation[], kind: TransactionKind, present: Record<string, boolean>): void {
  for (const [field, isPresent] of Object.entries(present)) {
    if (isPresent) violations.push({ field, description: `is not used by a ${kind} transaction` });
  }
}

/**
 * The rules every transaction satisfies whoever sends it, before any database lookup:
 * shapes, ranges, and which fields each type uses. Throws INVALID_ARGUMENT with every violation.
 */
export function validateTransactionDraft(input: TransactionInput, now: Date = new Date()): TransactionDraft {
  const violations: FieldViolation[] = [];
  const kind = input.kind;
  if (!kind) violations.push({ field: 'type', description: 'is required' });
  const amount = positiveMoney(input.amount, 'amount', violations);

  const occurred = input.occurredAt?.getTime();
  if (occurred === undefined || Number.isNaN(occurred)) {
    violations.push({ field: 'occurred_at', description: 'is required' });
  } else if (occurred < EARLIEST || occurred > now.getTime() + MAX_FUTURE_MS) {
    violations.push({ field: 'occurred_at', description: 'must be between 1900 and one year from now' });
  }
  if (input.description.length > MAX_DESCRIPTION_LENGTH) {
    violations.push({ field: 'description', description: `must be at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  const payee = (input.payee ?? '').trim();
  if (payee.length > MAX_PAYEE_LENGTH) violations.push({ field: 'payee', description: `must be at most ${MAX_PAYEE_LENGTH} characters` });
  const attachmentRef = input.attachmentRef ?? '';
  if (attachmentRef.length > MAX_ATTACHMENT_REF_LENGTH || /\p{Cc}/u.test(attachmentRef)) {
    violations.push({ field: 'attachment_ref', description: `must be at most ${MAX_ATTACHMENT_REF_LENGTH} printable characters` });
  }
  const tags = checkTags(input.tags ?? [], violations);
  const accountId = optionalId(input.accountId, 'account_id', violations);
  const categoryId = optionalId(input.categoryId, 'category_id', violations);
  const toAccountId = optionalId(input.toAccountId, 'to_account_id', violations);
  const loanId = optionalId(input.loanId, 'loan_id', violations);
  const splitInputs = input.splits ?? [];
  const splits = checkSplits(splitInputs, amount, violations);
  const toAmount = input.toAmount ? positiveMoney(input.toAmount, 'to_amount', violations, 'to_currency') ?? null : null;
  const dueDate = input.dueDate ? input.dueDate : null;
  if (dueDate !== null && !isCalendarDate(dueDate)) violations.push({ field: 'due_date', description: 'must be a date like "2026-12-31"' });

  if (kind) {
    const categorised = categoryKindFor(kind) !== undefined;
    if (categorised && categoryId && splitInputs.length > 0) {
      violations.push({ field: 'splits', description: 'send either category_id or splits, not both' });
    }
    if (!categorised) forbid(violations, kind, { category_id: !!input.categoryId, splits: splitInputs.length > 0 });
    if (kind !== 'transfer') forbid(violations, kind, { to_account_id: !!input.toAccountId, to_amount: !!input.toAmount });
    if (!isLoanKind(kind)) forbid(violations, kind, { due_date: !!input.dueDate });
    if (kind !== 'repayment') forbid(violations, kind, { loan_id: !!input.loanId });
    if (kind === 'transfer') {
      if (!input.accountId) violations.push({ field: 'account_id', description: 'a transfer needs the account it leaves' });
      if (!input.toAccountId) violations.push({ field: 'to_account_id', description: 'a transfer needs the account it reaches' });
      if (accountId && accountId === toAccountId) violations.push({ field: 'to_account_id', description: 'must differ from account_id' });
    }
    if (isLoanKind(kind) && payee === '') violations.push({ field: 'payee', description: `a ${kind} needs the counterparty's name` });
    if (kind === 'debt') forbid(violations, kind, { account_id: !!input.accountId });
    if (kind === 'repayment' && !input.loanId) violations.push({ field: 'loan_id', description: 'a repayment names the loan or debt it repays' });
  }

  throwIfInvalid(TransactionsErrorCode.InvalidTransaction, 'transaction', violations);
  return {
    kind: kind!,
    amount: amount!,
    occurredAt: input.occurredAt!,
    description: input.description,
    accountId,
    categoryId,
    payee,
    tags,
    source: input.source ?? 'manual',
    attachmentRef,
    splits,
    toAccountId,
    toAmount,
    dueDate,
    loanId,
  };
}

/** validateTransactionDraft plus the optional client-chosen id. */
export function validateNewTransaction(input: TransactionInput & { id: string }, now: Date = new Date()): NewTransaction {
  const id = input.id === '' ? undefined : parseId(input.id);
  const violations: FieldViolation[] = [];
  if (input.id !== '' && !id) violations.push({ field: 'id', description: 'must be a UUID' });
  let draft: TransactionDraft | undefined;
  try {
    draft = validateTransactionDraft(input, now);
  } catch (error) {
    if (violations.length === 0) throw error;
    const fieldViolations = (error as { fieldViolations?: FieldViolation[] }).fieldViolations ?? [];
    throwIfInvalid(TransactionsErrorCode.InvalidTransaction, 'transaction', [...violations, ...fieldViolations]);
  }
  throwIfInvalid(TransactionsErrorCode.InvalidTransaction, 'transaction', violations);
  return { id, ...draft! };
}
