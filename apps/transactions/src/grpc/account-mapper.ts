import { AccountKind as KindProto, type Account as AccountMessage } from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { AccountKind } from '../domain/new-account';
import type { AccountView } from '../use-cases/account-view';

const KINDS: [KindProto, AccountKind][] = [
  [KindProto.ACCOUNT_KIND_CASH, 'cash'],
  [KindProto.ACCOUNT_KIND_BANK, 'bank'],
  [KindProto.ACCOUNT_KIND_CARD, 'card'],
  [KindProto.ACCOUNT_KIND_MOBILE_MONEY, 'mobile_money'],
  [KindProto.ACCOUNT_KIND_SAVINGS, 'savings'],
  [KindProto.ACCOUNT_KIND_CREDIT, 'credit'],
];
const KIND_OF = new Map(KINDS);
const PROTO_OF = new Map(KINDS.map(([proto, kind]) => [kind, proto]));

export function accountKindFromProto(kind: KindProto): AccountKind | undefined {
  return KIND_OF.get(kind);
}

export function accountToProto({ account, balanceMinor }: AccountView): AccountMessage {
  return {
    id: account.id,
    teamId: account.teamId,
    name: account.name,
    kind: PROTO_OF.get(account.kind)!,
    provider: account.provider,
    currencyCode: account.currencyCode,
    openingBalance: { amountMinor: account.openingBalanceMinor, currencyCode: account.currencyCode },
    balance: { amountMinor: balanceMinor, currencyCode: account.currencyCode },
    archived: account.archived,
    allowNegative: account.allowNegative,
    createdBy: account.createdBy,
    createdAt: account.createdAt,
    updatedBy: account.updatedBy,
    updatedAt: account.updatedAt,
    version: account.version,
  };
}
