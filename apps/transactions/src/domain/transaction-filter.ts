import type { FieldViolation } from '@cashier/grpc';
import { isKnownCurrency } from '@cashier/money';
import { parseId } from './client-id';
import { throwIfInvalid } from './ledger-errors';
import type { ListSort } from './list-cursor';
import { MAX_PAYEE_LENGTH } from './new-transaction';
import { MAX_TAG_LENGTH } from './tags';
import type { TransactionKind } from './transaction-kind';
import { TransactionsErrorCode } from './transactions-error-code';

/** What a listing matches; every part is optional and they combine with AND. */
export interface TransactionFilter {
  occurredFrom: Date | null;
  occurredTo: Date | null;
  kinds: TransactionKind[];
  categoryIds: string[];
  includeSubcategories: boolean;
  accountIds: string[];
  tags: string[];
  payee: string | null;
  currencyCode: string | null;
  minAmountMinor: bigint | null;
  maxAmountMinor: bigint | null;
  text: string | null;
  createdBy: string[];
}

export interface FilterInput {
  occurredFrom?: Date;
  occurredTo?: Date;
  kinds: (TransactionKind | undefined)[];
  categoryIds: string[];
  includeSubcategories: boolean;
  accountIds: string[];
  tags: string[];
  payee: string;
  currencyCode: string;
  minAmountMinor?: bigint;
  maxAmountMinor?: bigint;
  text: string;
  createdBy: string[];
}

const MAX_IDS = 50;
const MAX_TEXT_LENGTH = 100;

function ids(values: string[], field: string, violations: FieldViolation[]): string[] {
  if (values.length > MAX_IDS) violations.push({ field, description: `at most ${MAX_IDS} ids` });
  const parsed = values.map((value) => parseId(value));
  if (parsed.some((id) => id === undefined)) violations.push({ field, description: 'must be UUIDs' });
  return [...new Set(parsed.filter((id): id is string => id !== undefined))].sort();
}

/** Checks a listing's filters; throws INVALID_ARGUMENT listing every problem. */
export function validateFilter(input: FilterInput): TransactionFilter {
  const violations: FieldViolation[] = [];
  const from = input.occurredFrom ?? null;
  const to = input.occurredTo ?? null;
  if (from && to && from.getTime() >= to.getTime()) violations.push({ field: 'occurred_to', description: 'must be after occurred_from' });
  if (input.kinds.some((kind) => kind === undefined)) violations.push({ field: 'types', description: 'unknown transaction type' });
  const currencyCode = input.currencyCode === '' ? null : input.currencyCode;
  if (currencyCode !== null && !isKnownCurrency(currencyCode)) violations.push({ field: 'currency', description: 'unknown currency' });
  const min = input.minAmountMinor ?? null;
  const max = input.maxAmountMinor ?? null;
  if ((min !== null || max !== null) && currencyCode === null) {
    violations.push({ field: 'currency', description: 'an amount range needs the currency it is in' });
  }
  if (min !== null && max !== null && min > max) violations.push({ field: 'max_amount', description: 'must not be less than min_amount' });
  if (input.tags.length > 10 || input.tags.some((tag) => tag.length === 0 || tag.length > MAX_TAG_LENGTH)) {
    violations.push({ field: 'tags', description: `up to 10 tags of 1 to ${MAX_TAG_LENGTH} characters` });
  }
  if (input.payee.length > MAX_PAYEE_LENGTH) violations.push({ field: 'payee', description: 'too long' });
  if (input.text.length > MAX_TEXT_LENGTH) violations.push({ field: 'q', description: `at most ${MAX_TEXT_LENGTH} characters` });
  const filter: TransactionFilter = {
    occurredFrom: from,
    occurredTo: to,
    kinds: [...new Set(input.kinds.filter((kind): kind is TransactionKind => kind !== undefined))].sort(),
    categoryIds: ids(input.categoryIds, 'category_id', violations),
    includeSubcategories: input.includeSubcategories,
    accountIds: ids(input.accountIds, 'account_id', violations),
    tags: [...new Set(input.tags.map((tag) => tag.trim()))].sort(),
    payee: input.payee.trim() === '' ? null : input.payee.trim(),
    currencyCode,
    minAmountMinor: min,
    maxAmountMinor: max,
    text: input.text.trim() === '' ? null : input.text.trim(),
    createdBy: ids(input.createdBy, 'created_by', violations),
  };
  throwIfInvalid(TransactionsErrorCode.InvalidQuery, 'listing', violations);
  return filter;
}

/** A LIKE pattern that matches `text` literally anywhere: %, _ and \ in it are escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export type { ListSort };
