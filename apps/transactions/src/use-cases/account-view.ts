import type { LedgerDb } from '../db/create-prisma';
import { balancesOf, type StoredAccount } from '../db/account-store';

/** An account as answered: with its balance computed from its entries. */
export interface AccountView {
  account: StoredAccount;
  balanceMinor: bigint;
}

export async function accountViews(db: LedgerDb, teamId: string, accounts: readonly StoredAccount[]): Promise<AccountView[]> {
  const balances = await balancesOf(
    db,
    teamId,
    accounts.map((account) => account.id),
  );
  return accounts.map((account) => ({ account, balanceMinor: balances.get(account.id) ?? account.openingBalanceMinor }));
}
