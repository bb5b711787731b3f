import type { FieldViolation } from '@cashier/grpc';
import type { Money } from '@cashier/money';
import { directionOf, legsOf, type Direction, type Leg } from './ledger-legs';
import { checkRepayment, type LoanState } from './loans';
import { throwIfInvalid } from './ledger-errors';
import type { TransactionDraft } from './new-transaction';
import { categoryKindFor, isLoanKind } from './transaction-kind';
import { TransactionsErrorCode } from './transactions-error-code';

export interface AccountRef {
  id: string;
  currencyCode: string;
  archived: boolean;
}

export interface CategoryRef {
  id: string;
  kind: 'expense' | 'income';
  archived: boolean;
}

/** What the team's ledger holds for the ids a draft names; a missing key (or null) means not found in this team. */
export interface References {
  accounts: ReadonlyMap<string, AccountRef>;
  categories: ReadonlyMap<string, CategoryRef>;
  /** The loan a repayment names, with what was repaid before (excluding this repayment). */
  loan: LoanState | null;
}

/** A draft checked against the ledger: ready to store with its direction and legs. */
export interface ResolvedTransaction extends TransactionDraft {
  direction: Direction;
  /** For transfers: what arrived, always set (equal to amount within one currency). */
  toAmount: Money | null;
  legs: Leg[];
}

/** Ids the draft refers to, to load them in one go. */
export function referencedIds(draft: TransactionDraft): { accountIds: string[]; categoryIds: string[]; loanId: string | null } {
  const accountIds = [draft.accountId, draft.toAccountId].filter((id): id is string => id !== null);
  const categoryIds = [...new Set([draft.categoryId, ...draft.splits.map((s) => s.categoryId)].filter((id): id is string => id !== null))];
  return { accountIds, categoryIds, loanId: draft.loanId };
}

/**
 * The rules that need the team's ledger: accounts and categories exist in the team
 * (another team's id is simply not found), accounts are in the transaction's currency,
 * categories have the right kind, nothing new goes to an archived account or category,
 * transfers between currencies carry both amounts, repayments fit what is outstanding.
 * `previous` is the stored draft when updating: references it already had stay allowed.
 */
export function resolveReferences(draft: TransactionDraft, refs: References, previous?: TransactionDraft): ResolvedTransaction {
  const violations: FieldViolation[] = [];
  const accountOf = (id: string | null, field: string): AccountRef | undefined => {
    if (id === null) return undefined;
    const account = refs.accounts.get(id);
    if (!account) {
      violations.push({ field, description: 'account not found' });
      return undefined;
    }
    const hadIt = previous && (previous.accountId === id || previous.toAccountId === id);
    if (account.archived && !hadIt) violations.push({ field, description: 'the account is archived' });
    return account;
  };
  const previousCategories = new Set(previous ? [previous.categoryId, ...previous.splits.map((s) => s.categoryId)] : []);
  const wantedKind = categoryKindFor(draft.kind);
  const checkCategory = (id: string, field: string) => {
    const category = refs.categories.get(id);
    if (!category) {
      violations.push({ field, description: 'category not found' });
    } else if (category.kind !== wantedKind) {
      violations.push({ field, description: `must be an ${wantedKind} category` });
    } else if (category.archived && !previousCategories.has(id)) {
      violations.push({ field, description: 'the category is archived' });
    }
  };

  const account = accountOf(draft.accountId, 'account_id');
  const toAccount = accountOf(draft.toAccountId, 'to_account_id');
  if (account && account.currencyCode !== draft.amount.currencyCode) {
    violations.push({ field: 'currency', description: `must be the account's currency ${account.currencyCode}` });
  }
  if (draft.categoryId) checkCategory(draft.categoryId, 'category_id');
  draft.splits.forEach((part, index) => checkCategory(part.categoryId, `splits[${index}].category_id`));

  let toAmount: Money | null = null;
  if (draft.kind === 'transfer' && toAccount) {
    if (draft.toAmount) {
      if (draft.toAmount.currencyCode !== toAccount.currencyCode) {
        violations.push({ field: 'to_currency', description: `must be the destination account's currency ${toAccount.currencyCode}` });
      } else if (draft.toAmount.currencyCode === draft.amount.currencyCode && draft.toAmount.amountMinor !== draft.amount.amountMinor) {
        violations.push({ field: 'to_amount', description: 'within one currency a transfer arrives exactly as it left' });
      }
      toAmount = draft.toAmount;
    } else if (toAccount.currencyCode !== draft.amount.currencyCode) {
      violations.push({ field: 'to_amount', description: 'required when the two accounts have different currencies' });
    } else {
      toAmount = draft.amount;
    }
  }

  let loanKind: TransactionDraft['kind'] | undefined;
  if (draft.kind === 'repayment') {
    if (!refs.loan || !isLoanKind(refs.loan.kind)) {
      violations.push({ field: 'loan_id', description: 'loan or debt not found' });
    } else {
      loanKind = refs.loan.kind;
    }
  }
  throwIfInvalid(TransactionsErrorCode.InvalidTransaction, 'transaction', violations);
  if (draft.kind === 'repayment') checkRepayment(refs.loan!, draft.amount);

  const direction = directionOf(draft.kind, loanKind);
  const resolved = { ...draft, direction, toAmount };
  return { ...resolved, legs: legsOf(resolved) };
}
