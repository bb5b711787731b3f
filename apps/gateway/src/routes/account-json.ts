import { AccountKind, type Account } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { formatMoney } from '@cashier/money';

export const ACCOUNT_KINDS = ['cash', 'bank', 'card', 'mobile_money', 'savings', 'credit'] as const;
export type AccountKindName = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_KIND_TO_PROTO: Record<AccountKindName, AccountKind> = {
  cash: AccountKind.ACCOUNT_KIND_CASH,
  bank: AccountKind.ACCOUNT_KIND_BANK,
  card: AccountKind.ACCOUNT_KIND_CARD,
  mobile_money: AccountKind.ACCOUNT_KIND_MOBILE_MONEY,
  savings: AccountKind.ACCOUNT_KIND_SAVINGS,
  credit: AccountKind.ACCOUNT_KIND_CREDIT,
};
const KIND_NAME = new Map(Object.entries(ACCOUNT_KIND_TO_PROTO).map(([name, proto]) => [proto, name]));

/** The API representation: money as decimal strings in the account's currency. */
export function accountJson(account: Account) {
  const currency = account.currencyCode;
  return {
    id: account.id,
    name: account.name,
    kind: KIND_NAME.get(account.kind) ?? 'unknown',
    provider: account.provider,
    currency,
    opening_balance: formatMoney({ amountMinor: account.openingBalance?.amountMinor ?? 0n, currencyCode: currency }),
    balance: formatMoney({ amountMinor: account.balance?.amountMinor ?? 0n, currencyCode: currency }),
    archived: account.archived,
    allow_negative: account.allowNegative,
    created_by: account.createdBy,
    created_at: account.createdAt?.toISOString(),
    updated_by: account.updatedBy,
    updated_at: account.updatedAt?.toISOString(),
    version: Number(account.version),
  };
}
