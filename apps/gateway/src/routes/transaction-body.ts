import { z } from 'zod';
import type { CreateTransactionRequest, Split, Transaction } from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { Money } from '@cashier/money';
import { ledgerFields, moneyFrom } from './ledger-fields';
import { SOURCE_TO_PROTO, TRANSACTION_SOURCES, TRANSACTION_TYPES, TYPE_TO_PROTO } from './transaction-json';

const split = z.strictObject({
  category_id: ledgerFields.id,
  amount: ledgerFields.amount,
  description: z.string().max(200).default(''),
});

/** The fields a client may send about a transaction; anything else (team_id, created_by, version…) is a 400. */
const fields = {
  type: z.enum(TRANSACTION_TYPES, { error: `must be one of ${TRANSACTION_TYPES.join(', ')}` }),
  amount: ledgerFields.amount,
  currency: ledgerFields.currency,
  occurred_at: ledgerFields.dateTime,
  description: z.string().max(500),
  account_id: ledgerFields.id.nullable(),
  category_id: ledgerFields.id.nullable(),
  splits: z.array(split).max(50),
  payee: z.string().max(200),
  tags: z.array(z.string().max(40)).max(10),
  attachment_ref: z.string().max(300).nullable(),
  to_account_id: ledgerFields.id.nullable(),
  to_amount: ledgerFields.amount.nullable(),
  to_currency: ledgerFields.currency.nullable(),
  due_date: ledgerFields.date.nullable(),
  loan_id: ledgerFields.id.nullable(),
};

export const createTransactionBody = z.strictObject({
  id: ledgerFields.id.optional(),
  type: fields.type,
  amount: fields.amount,
  currency: fields.currency,
  occurred_at: fields.occurred_at,
  description: fields.description.default(''),
  account_id: fields.account_id.optional(),
  category_id: fields.category_id.optional(),
  splits: fields.splits.optional(),
  payee: fields.payee.optional(),
  tags: fields.tags.optional(),
  source: z.enum(TRANSACTION_SOURCES, { error: `must be one of ${TRANSACTION_SOURCES.join(', ')}` }).optional(),
  attachment_ref: fields.attachment_ref.optional(),
  to_account_id: fields.to_account_id.optional(),
  to_amount: fields.to_amount.optional(),
  to_currency: fields.to_currency.optional(),
  due_date: fields.due_date.optional(),
  loan_id: fields.loan_id.optional(),
});

/** What PATCH may change; `currency` comes with `amount` or `splits` (they are parsed in it). */
export const updateTransactionBody = z
  .strictObject({
    type: fields.type.optional(),
    amount: fields.amount.optional(),
    currency: fields.currency.optional(),
    occurred_at: fields.occurred_at.optional(),
    description: fields.description.optional(),
    account_id: fields.account_id.optional(),
    category_id: fields.category_id.optional(),
    splits: fields.splits.optional(),
    payee: fields.payee.optional(),
    tags: fields.tags.optional(),
    attachment_ref: fields.attachment_ref.optional(),
    to_account_id: fields.to_account_id.optional(),
    to_amount: fields.to_amount.optional(),
    to_currency: fields.to_currency.optional(),
    due_date: fields.due_date.optional(),
    loan_id: fields.loan_id.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change')
  .refine((body) => (body.amount === undefined && body.splits === undefined) || body.currency !== undefined, {
    message: 'send the currency with amount or splits',
    path: ['currency'],
  })
  .refine((body) => body.currency === undefined || body.amount !== undefined || body.splits !== undefined, {
    message: 'currency goes with amount',
    path: ['amount'],
  })
  .refine((body) => (body.to_amount === undefined) === (body.to_currency === undefined) || body.to_amount === null, {
    message: 'send to_amount and to_currency together',
    path: ['to_currency'],
  });

type CreateBody = z.infer<typeof createTransactionBody>;
type UpdateBody = z.infer<typeof updateTransactionBody>;

function splitsOf(splits: CreateBody['splits'], currency: string): Split[] {
  return (splits ?? []).map((part, index) => ({
    categoryId: part.category_id,
    amount: moneyFrom(part.amount, currency, { amount: `splits.${index}.amount`, currency: 'currency' }),
    description: part.description,
  }));
}

function toAmountOf(amount: string | null | undefined, currency: string | null | undefined): Money | undefined {
  if (amount === null || amount === undefined) return undefined;
  if (!currency) return moneyFrom(amount, '', { amount: 'to_amount', currency: 'to_currency' });
  return moneyFrom(amount, currency, { amount: 'to_amount', currency: 'to_currency' });
}

export function createRequestOf(body: CreateBody): CreateTransactionRequest {
  return {
    id: body.id ?? '',
    type: TYPE_TO_PROTO[body.type],
    amount: moneyFrom(body.amount, body.currency),
    occurredAt: new Date(body.occurred_at),
    description: body.description,
    accountId: body.account_id ?? '',
    categoryId: body.category_id ?? '',
    payee: body.payee ?? '',
    tags: body.tags ?? [],
    source: body.source ? SOURCE_TO_PROTO[body.source] : 0,
    attachmentRef: body.attachment_ref ?? '',
    splits: splitsOf(body.splits, body.currency),
    toAccountId: body.to_account_id ?? '',
    toAmount: toAmountOf(body.to_amount, body.to_currency),
    dueDate: body.due_date ?? '',
    loanId: body.loan_id ?? '',
  };
}

/** The JSON field names of a PATCH body as the service's update_mask entries. */
const MASK: Record<Exclude<keyof UpdateBody, 'currency' | 'to_currency'>, string> = {
  type: 'type',
  amount: 'amount',
  occurred_at: 'occurred_at',
  description: 'description',
  account_id: 'account_id',
  category_id: 'category_id',
  splits: 'splits',
  payee: 'payee',
  tags: 'tags',
  attachment_ref: 'attachment_ref',
  to_account_id: 'to_account_id',
  to_amount: 'to_amount',
  due_date: 'due_date',
  loan_id: 'loan_id',
};

export function updateRequestOf(id: string, version: bigint, body: UpdateBody): { transaction: Transaction; updateMask: string[] } {
  const updateMask = Object.keys(body).flatMap((key) => (key in MASK ? [MASK[key as keyof typeof MASK]] : []));
  const currency = body.currency ?? '';
  return {
    updateMask,
    transaction: {
      id,
      teamId: '',
      version,
      type: body.type ? TYPE_TO_PROTO[body.type] : 0,
      amount: body.amount !== undefined ? moneyFrom(body.amount, currency) : undefined,
      occurredAt: body.occurred_at ? new Date(body.occurred_at) : undefined,
      description: body.description ?? '',
      createdBy: '',
      createdAt: undefined,
      accountId: body.account_id ?? '',
      categoryId: body.category_id ?? '',
      payee: body.payee ?? '',
      tags: body.tags ?? [],
      source: 0,
      attachmentRef: body.attachment_ref ?? '',
      updatedBy: '',
      updatedAt: undefined,
      splits: splitsOf(body.splits, currency),
      toAccountId: body.to_account_id ?? '',
      toAmount: toAmountOf(body.to_amount, body.to_currency),
      dueDate: body.due_date ?? '',
      loanId: body.loan_id ?? '',
      outstanding: undefined,
    },
  };
}
