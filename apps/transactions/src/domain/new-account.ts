import type { FieldViolation } from '@cashier/grpc';
import type { Money } from '@cashier/money';
import { anyMoney } from './checked-money';
import { parseId } from './client-id';
import { throwIfInvalid } from './ledger-errors';
import { TransactionsErrorCode } from './transactions-error-code';

export const ACCOUNT_KINDS = ['cash', 'bank', 'card', 'mobile_money', 'savings', 'credit'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const MAX_ACCOUNT_NAME_LENGTH = 100;
export const MAX_PROVIDER_LENGTH = 60;

/** The editable content of an account. */
export interface AccountDraft {
  name: string;
  kind: AccountKind;
  /** The mobile money provider (bKash, Nagad, M-Pesa…) or bank name; free text. */
  provider: string;
  openingBalance: Money;
  archived: boolean;
  allowNegative: boolean;
}

export interface NewAccount extends AccountDraft {
  id: string | undefined;
}

export interface AccountInput {
  name: string;
  kind: AccountKind | undefined;
  provider: string;
  openingBalance: Money | undefined;
  archived?: boolean;
  allowNegative: boolean;
}

/** Rules of an account's content; the currency is the opening balance's. Throws INVALID_ARGUMENT. */
export function validateAccountDraft(input: AccountInput): AccountDraft {
  const violations: FieldViolation[] = [];
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_ACCOUNT_NAME_LENGTH || /\p{Cc}/u.test(name)) {
    violations.push({ field: 'name', description: `must be 1 to ${MAX_ACCOUNT_NAME_LENGTH} printable characters` });
  }
  if (!input.kind) violations.push({ field: 'kind', description: `must be one of ${ACCOUNT_KINDS.join(', ')}` });
  const provider = input.provider.trim();
  if (provider.length > MAX_PROVIDER_LENGTH || /\p{Cc}/u.test(provider)) {
    violations.push({ field: 'provider', description: `must be at most ${MAX_PROVIDER_LENGTH} printable characters` });
  }
  const openingBalance = anyMoney(input.openingBalance, 'opening_balance', violations);
  throwIfInvalid(TransactionsErrorCode.InvalidAccount, 'account', violations);
  return {
    name,
    kind: input.kind!,
    provider,
    openingBalance: openingBalance!,
    archived: input.archived ?? false,
    allowNegative: input.allowNegative,
  };
}

export function validateNewAccount(input: AccountInput & { id: string }): NewAccount {
  const id = input.id === '' ? undefined : parseId(input.id);
  if (input.id !== '' && !id) {
    throwIfInvalid(TransactionsErrorCode.InvalidAccount, 'account', [{ field: 'id', description: 'must be a UUID' }]);
  }
  return { id, ...validateAccountDraft(input) };
}
