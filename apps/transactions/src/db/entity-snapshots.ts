import type { StoredAccount } from './account-store';
import type { StoredCategory } from './category-store';
import type { StoredTransaction } from './transaction-store';

// JSON images of entities for the change log (the audit trail): every field, amounts as
// exact integer strings of minor units, times as ISO 8601.

export function transactionSnapshot(row: StoredTransaction) {
  return {
    id: row.id,
    type: row.type,
    amount_minor: row.amountMinor.toString(),
    currency: row.currencyCode,
    occurred_at: row.occurredAt.toISOString(),
    description: row.description,
    account_id: row.accountId,
    category_id: row.categoryId,
    payee: row.payee,
    tags: row.tags,
    source: row.source,
    attachment_ref: row.attachmentRef,
    splits: row.splits.map((part) => ({
      category_id: part.categoryId,
      amount_minor: part.amountMinor.toString(),
      description: part.description,
    })),
    to_account_id: row.toAccountId,
    to_amount_minor: row.toAmountMinor?.toString() ?? null,
    to_currency: row.toCurrencyCode,
    due_date: row.dueDate ? row.dueDate.toISOString().slice(0, 10) : null,
    loan_id: row.loanId,
    direction: row.direction,
    created_by: row.createdBy,
    updated_by: row.updatedBy,
    version: row.version.toString(),
    deleted_at: row.deletedAt?.toISOString() ?? null,
  };
}

export function accountSnapshot(account: StoredAccount) {
  return {
    id: account.id,
    name: account.name,
    kind: account.kind,
    provider: account.provider,
    currency: account.currencyCode,
    opening_balance_minor: account.openingBalanceMinor.toString(),
    archived: account.archived,
    allow_negative: account.allowNegative,
    updated_by: account.updatedBy,
    version: account.version.toString(),
  };
}

export function categorySnapshot(category: StoredCategory) {
  return {
    id: category.id,
    name: category.name,
    kind: category.kind,
    parent_id: category.parentId,
    archived: category.archived,
    updated_by: category.updatedBy,
    version: category.version.toString(),
  };
}
