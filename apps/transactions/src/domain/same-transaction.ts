import type { TransactionDraft } from './new-transaction';

/** A draft in one canonical form, field by field (extra fields such as a client id are ignored). */
function canonical(draft: TransactionDraft): string {
  // Within one currency a transfer arrives as it left: an explicit equal to_amount is the same transfer.
  const toAmount = draft.toAmount && draft.toAmount.currencyCode === draft.amount.currencyCode ? null : draft.toAmount;
  const fields = [
    draft.kind,
    draft.amount.amountMinor,
    draft.amount.currencyCode,
    draft.occurredAt.getTime(),
    draft.description,
    draft.accountId,
    draft.categoryId,
    draft.payee,
    draft.tags,
    draft.source,
    draft.attachmentRef,
    draft.splits.map((part) => [part.categoryId, part.amountMinor, part.description]),
    draft.toAccountId,
    toAmount ? [toAmount.amountMinor, toAmount.currencyCode] : null,
    draft.dueDate,
    draft.loanId,
  ];
  return JSON.stringify(fields, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}

/** True when two drafts describe the same transaction: a create retried with the same content is a replay. */
export function isSameDraft(a: TransactionDraft, b: TransactionDraft): boolean {
  return canonical(a) === canonical(b);
}
