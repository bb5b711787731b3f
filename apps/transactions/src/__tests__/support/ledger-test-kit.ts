import type { Pool } from 'pg';
import type { CallerContext } from '@cashier/auth-context';
import { createPool } from '@cashier/db';
import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { parseMoney } from '@cashier/money';
import { databaseUrl } from '@cashier/testing';
import { createPrisma, type TransactionsPrisma } from '../../db/create-prisma';
import { validateNewAccount, type AccountKind } from '../../domain/new-account';
import { validateNewCategory } from '../../domain/new-category';
import { validateNewTransaction, type TransactionInput } from '../../domain/new-transaction';
import { createAccount } from '../../use-cases/create-account';
import { createCategory } from '../../use-cases/create-category';
import { createTransaction } from '../../use-cases/create-transaction';

/** The transactions database as the integration tests use it: a pg pool and Prisma over it. */
export class LedgerTestKit {
  readonly pool: Pool;
  readonly prisma: TransactionsPrisma;

  constructor(poolSize = 6) {
    this.pool = createPool({ url: databaseUrl('cashier_transactions'), applicationName: 'ledger-test', max: poolSize });
    this.prisma = createPrisma(this.pool);
  }

  async close(): Promise<void> {
    await this.prisma.$disconnect();
    await this.pool.end();
  }

  async count(sql: string, params: unknown[]): Promise<number> {
    return Number((await this.pool.query(sql, params)).rows[0].count);
  }

  outboxTypes(teamId: string): Promise<string[]> {
    return this.pool
      .query('SELECT type FROM outbox WHERE team_id = $1 ORDER BY seq', [teamId])
      .then((result) => result.rows.map((row: { type: string }) => row.type));
  }

  /** Balance computed independently of the service: opening balance plus every entry on the account. */
  async balanceFromEntries(accountId: string): Promise<bigint> {
    const { rows } = await this.pool.query(
      `SELECT (a.opening_balance_minor + COALESCE((SELECT SUM(e.amount_minor) FROM ledger_entries e
                WHERE e.team_id = a.team_id AND e.account_id = a.id), 0))::text AS balance
         FROM accounts a WHERE a.id = $1`,
      [accountId],
    );
    return BigInt(rows[0].balance);
  }

  /** A checksum of everything a team has in the ledger: proves a refused request changed nothing. */
  async teamChecksum(teamId: string): Promise<string> {
    const { rows } = await this.pool.query(
      `SELECT md5(concat_ws('|',
          (SELECT string_agg(t::text, ',' ORDER BY id) FROM transactions t WHERE team_id = $1),
          (SELECT string_agg(a::text, ',' ORDER BY id) FROM accounts a WHERE team_id = $1),
          (SELECT string_agg(c::text, ',' ORDER BY id) FROM categories c WHERE team_id = $1),
          (SELECT string_agg(s::text, ',' ORDER BY transaction_id, position) FROM transaction_splits s WHERE team_id = $1),
          (SELECT string_agg(e::text, ',' ORDER BY transaction_id, leg) FROM ledger_entries e WHERE team_id = $1),
          (SELECT string_agg(l::text, ',' ORDER BY seq) FROM change_log l WHERE team_id = $1),
          (SELECT count(*)::text FROM outbox WHERE team_id = $1))) AS sum`,
      [teamId],
    );
    return rows[0].sum;
  }
}

export function caller(teamId: string, role: CallerContext['role'] = 'cashier', userId = uuidv7()): CallerContext {
  return { userId, teamId, role, requestId: `req-${uuidv7()}` };
}

export function newTeam(): { teamId: string; cashier: CallerContext; admin: CallerContext; observer: CallerContext } {
  const teamId = uuidv7();
  return { teamId, cashier: caller(teamId, 'cashier'), admin: caller(teamId, 'admin'), observer: caller(teamId, 'observer') };
}

export async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

export function money(amount: string, currency: string) {
  return parseMoney(amount, currency);
}

export async function openAccount(
  kit: LedgerTestKit,
  who: CallerContext,
  opening: string,
  currency: string,
  options: { kind?: AccountKind; name?: string; allowNegative?: boolean; id?: string } = {},
): Promise<string> {
  const { account } = await createAccount(
    kit.prisma,
    who,
    validateNewAccount({
      id: options.id ?? '',
      name: options.name ?? `${currency} account`,
      kind: options.kind ?? 'cash',
      provider: '',
      openingBalance: money(opening, currency),
      allowNegative: options.allowNegative ?? true,
    }),
  );
  return account.account.id;
}

export async function addCategory(
  kit: LedgerTestKit,
  who: CallerContext,
  name: string,
  kind: 'expense' | 'income' = 'expense',
  parentId = '',
): Promise<string> {
  const { category } = await createCategory(kit.prisma, who, validateNewCategory({ id: '', name, kind, parentId }));
  return category.id;
}

export type Entry = Partial<TransactionInput> & { id?: string };

/** Records a transaction: an expense of USD 12.50 on 2026-11-20 unless told otherwise. */
export async function record(kit: LedgerTestKit, who: CallerContext, entry: Entry = {}) {
  const { transaction } = await createTransaction(
    kit.prisma,
    who,
    validateNewTransaction({
      id: '',
      kind: 'expense',
      amount: money('12.50', 'USD'),
      occurredAt: new Date('2026-11-20T10:00:00Z'),
      description: '',
      ...entry,
    }),
  );
  return transaction.row;
}
