import type { CallerContext } from '@cashier/auth-context';
import type { Money } from '@cashier/money';
import type { TransactionInput } from '../domain/new-transaction';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { getAccount } from '../use-cases/get-account';
import { getTransaction } from '../use-cases/get-transaction';
import { updateTransaction } from '../use-cases/update-transaction';
import { addCategory, LedgerTestKit, newTeam, openAccount, record } from './support/ledger-test-kit';

/** mulberry32: a tiny seeded PRNG, so a failing sequence can be replayed exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ModelAccount {
  id: string;
  currency: string;
  opening: bigint;
}

interface ModelTransaction {
  id: string;
  kind: string;
  amount: bigint;
  currency: string;
  accountId: string | null;
  legs: { accountId: string; amount: bigint }[];
  splitCount: number;
  loanId: string | null;
  version: bigint;
}

describe.each([20261126, 7, 424242])('random ledger histories keep every balance exact (seed %i)', (seed) => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(4);
  });
  afterAll(() => kit.close());

  it('300 creates, edits, deletes, transfers, splits, loans and repayments', async () => {
    const random = mulberry32(seed);
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
    const minor = (max: number) => BigInt(int(1, max));

    const team = newTeam();
    const who: CallerContext = team.cashier;
    const accounts: ModelAccount[] = [];
    for (const [opening, currency] of [
      ['1000.00', 'USD'],
      ['250.75', 'USD'],
      ['50000', 'JPY'],
      ['12.345', 'KWD'],
    ] as const) {
      const id = await openAccount(kit, who, opening, currency);
      const digits = { USD: 2, JPY: 0, KWD: 3 }[currency];
      accounts.push({ id, currency, opening: BigInt(opening.replace('.', '')) * 10n ** BigInt(digits - (opening.split('.')[1]?.length ?? 0)) });
    }
    const expenseCategories = [await addCategory(kit, who, 'E1'), await addCategory(kit, who, 'E2'), await addCategory(kit, who, 'E3')];
    const incomeCategories = [await addCategory(kit, who, 'I1', 'income'), await addCategory(kit, who, 'I2', 'income')];
    const live = new Map<string, ModelTransaction>();

    const money = (amount: bigint, currency: string): Money => ({ amountMinor: amount, currencyCode: currency });
    /** An exact random partition of `amount` into `parts` positive parts. */
    const partition = (amount: bigint, parts: number): bigint[] => {
      const cuts = new Set<bigint>();
      while (cuts.size < parts - 1) cuts.add(BigInt(int(1, Number(amount) - 1)));
      const sorted = [0n, ...[...cuts].sort((a, b) => (a < b ? -1 : 1)), amount];
      return sorted.slice(1).map((cut, i) => cut - sorted[i]);
    };
    const categorised = (kind: 'expense' | 'income', amount: bigint, currency: string): Partial<TransactionInput> => {
      const pool = kind === 'expense' ? expenseCategories : incomeCategories;
      if (amount >= 3n && random() < 0.35) {
        const parts = partition(amount, int(2, 3));
        return { splits: parts.map((part) => ({ categoryId: pick(pool), amount: money(part, currency), description: '' })) };
      }
      return random() < 0.7 ? { categoryId: pick(pool) } : {};
    };
    const signed = (kind: string, amount: bigint, loanKind?: string) =>
      kind === 'income' || kind === 'loan_taken' || (kind === 'repayment' && loanKind === 'loan_given') ? amount : -amount;

    const createOne = async () => {
      const roll = random();
      if (roll < 0.45) {
        const kind = random() < 0.6 ? 'expense' : 'income';
        const account = random() < 0.85 ? pick(accounts) : null;
        const currency = account?.currency ?? pick(['USD', 'JPY', 'KWD']);
        const amount = minor(2_000_000);
        const extra = categorised(kind, amount, currency);
        const row = await record(kit, who, { kind, accountId: account?.id ?? '', amount: money(amount, currency), ...extra });
        live.set(row.id, {
          id: row.id,
          kind,
          amount,
          currency,
          accountId: account?.id ?? null,
          legs: account ? [{ accountId: account.id, amount: signed(kind, amount) }] : [],
          splitCount: extra.splits?.length ?? 0,
          loanId: null,
          version: 1n,
        });
      } else if (roll < 0.7) {
        const from = pick(accounts);
        const to = pick(accounts.filter((a) => a !== from));
        const amount = minor(500_000);
        const toAmount = to.currency === from.currency ? amount : minor(5_000_000);
        const row = await record(kit, who, {
          kind: 'transfer',
          accountId: from.id,
          toAccountId: to.id,
          amount: money(amount, from.currency),
          toAmount: to.currency === from.currency ? undefined : money(toAmount, to.currency),
        });
        live.set(row.id, {
          id: row.id,
          kind: 'transfer',
          amount,
          currency: from.currency,
          accountId: from.id,
          legs: [
            { accountId: from.id, amount: -amount },
            { accountId: to.id, amount: toAmount },
          ],
          splitCount: 0,
          loanId: null,
          version: 1n,
        });
      } else if (roll < 0.85) {
        const kind = random() < 0.5 ? 'loan_given' : 'loan_taken';
        const account = pick(accounts);
        const amount = minor(300_000);
        const row = await record(kit, who, { kind, accountId: account.id, amount: money(amount, account.currency), payee: 'Friend' });
        live.set(row.id, {
          id: row.id,
          kind,
          amount,
          currency: account.currency,
          accountId: account.id,
          legs: [{ accountId: account.id, amount: signed(kind, amount) }],
          splitCount: 0,
          loanId: null,
          version: 1n,
        });
      } else {
        const loans = [...live.values()].filter((t) => t.kind.startsWith('loan') && outstanding(t) > 0n);
        if (loans.length === 0) return;
        const loan = pick(loans);
        const amount = BigInt(int(1, Number(outstanding(loan))));
        const account = pick(accounts.filter((a) => a.currency === loan.currency));
        const row = await record(kit, who, { kind: 'repayment', loanId: loan.id, accountId: account.id, amount: money(amount, loan.currency) });
        live.set(row.id, {
          id: row.id,
          kind: 'repayment',
          amount,
          currency: loan.currency,
          accountId: account.id,
          legs: [{ accountId: account.id, amount: signed('repayment', amount, loan.kind) }],
          splitCount: 0,
          loanId: loan.id,
          version: 1n,
        });
      }
    };

    const outstanding = (loan: ModelTransaction) =>
      loan.amount - [...live.values()].filter((t) => t.loanId === loan.id).reduce((sum, t) => sum + t.amount, 0n);
    const hasRepayments = (t: ModelTransaction) => [...live.values()].some((r) => r.loanId === t.id);

    const editOne = async () => {
      const candidates = [...live.values()].filter((t) => (t.kind === 'expense' || t.kind === 'income') && t.accountId !== null);
      if (candidates.length === 0) return;
      const target = pick(candidates);
      const account = pick(accounts);
      const amount = minor(2_000_000);
      const extra = categorised(target.kind as 'expense' | 'income', amount, account.currency);
      const view = await updateTransaction(kit.prisma, who, {
        id: target.id,
        expectedVersion: target.version,
        updateMask: ['amount', 'account_id', 'category_id', 'splits'],
        values: {
          kind: undefined,
          amount: money(amount, account.currency),
          occurredAt: undefined,
          description: '',
          accountId: account.id,
          categoryId: extra.categoryId ?? '',
          splits: extra.splits ?? [],
        },
      });
      expect(view.row.version).toBe(target.version + 1n);
      Object.assign(target, {
        amount,
        currency: account.currency,
        accountId: account.id,
        legs: [{ accountId: account.id, amount: signed(target.kind, amount) }],
        splitCount: extra.splits?.length ?? 0,
        version: target.version + 1n,
      });
    };

    const deleteOne = async () => {
      const candidates = [...live.values()].filter((t) => !hasRepayments(t));
      if (candidates.length === 0) return;
      const target = pick(candidates);
      await deleteTransaction(kit.prisma, who, target.id, target.version);
      live.delete(target.id);
    };

    const check = async () => {
      for (const account of accounts) {
        const expected = account.opening + [...live.values()].flatMap((t) => t.legs).filter((l) => l.accountId === account.id).reduce((s, l) => s + l.amount, 0n);
        const answered = (await getAccount(kit.prisma, who, account.id)).balanceMinor;
        expect({ account: account.id, balance: answered }).toEqual({ account: account.id, balance: expected });
        expect(await kit.balanceFromEntries(account.id)).toBe(expected);
      }
    };

    for (let step = 1; step <= 300; step++) {
      const roll = random();
      if (roll < 0.65) await createOne();
      else if (roll < 0.85) await editOne();
      else await deleteOne();
      if (step % 50 === 0) await check();
    }
    await check();

    // Nothing was rounded: every live transaction reads back exactly as the model has it.
    for (const model of live.values()) {
      const view = await getTransaction(kit.prisma, who, model.id);
      expect([view.row.amountMinor, view.row.currencyCode, view.row.splits.length]).toEqual([model.amount, model.currency, model.splitCount]);
      if (view.row.splits.length > 0) expect(view.row.splits.reduce((s, p) => s + p.amountMinor, 0n)).toBe(model.amount);
      if (model.kind.startsWith('loan')) expect(view.outstandingMinor).toBe(outstanding(model));
    }
    // Every leg belongs to a live transaction, in its account's currency.
    const orphans = await kit.count(
      `SELECT count(*) FROM ledger_entries e JOIN transactions t ON t.id = e.transaction_id
        WHERE e.team_id = $1 AND t.deleted_at IS NOT NULL`,
      [team.teamId],
    );
    expect(orphans).toBe(0);
  });
});
