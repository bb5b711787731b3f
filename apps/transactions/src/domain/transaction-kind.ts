export const TRANSACTION_KINDS = ['expense', 'income', 'transfer', 'loan_given', 'loan_taken', 'debt', 'repayment'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export const TRANSACTION_SOURCES = ['manual', 'ai', 'receipt', 'import', 'recurring'] as const;
export type TransactionSource = (typeof TRANSACTION_SOURCES)[number];

/** Kinds that open something owed: repayments refer to one of these. */
export const LOAN_KINDS: readonly TransactionKind[] = ['loan_given', 'loan_taken', 'debt'];

export function isLoanKind(kind: TransactionKind): boolean {
  return LOAN_KINDS.includes(kind);
}

/** Kinds that carry a category (or a split across categories), and the category kind they need. */
export function categoryKindFor(kind: TransactionKind): 'expense' | 'income' | undefined {
  return kind === 'expense' || kind === 'income' ? kind : undefined;
}
