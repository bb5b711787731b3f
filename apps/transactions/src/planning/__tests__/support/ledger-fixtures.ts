import type { Pool } from 'pg';
import type { CallerContext } from '@cashier/auth-context';
import { TransactionCreated } from '@cashier/contracts/cashier/events/v1/transactions';
import type { ReceivedEvent } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';

export function caller(teamId: string, role: CallerContext['role'] = 'cashier', userId = uuidv7()): CallerContext {
  return { userId, teamId, role, requestId: `req-${uuidv7()}` };
}

export interface LedgerRow {
  teamId: string;
  amountMinor: bigint;
  currencyCode?: string;
  occurredAt: Date;
  type?: 'expense' | 'income';
  categoryId?: string | null;
  deleted?: boolean;
  splits?: { categoryId: string; amountMinor: bigint }[];
}

/** Writes a ledger transaction the way the ledger stores it (the planning tests only read it). */
export async function insertLedgerRow(pool: Pool, row: LedgerRow): Promise<{ id: string; row: LedgerRow }> {
  const id = uuidv7();
  const user = uuidv7();
  const type = row.type ?? 'expense';
  await pool.query(
    `INSERT INTO transactions (id, team_id, type, amount_minor, currency_code, occurred_at, direction, category_id,
                               created_by, updated_by, deleted_at, deleted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11)`,
    [
      id,
      row.teamId,
      type,
      row.amountMinor.toString(),
      row.currencyCode ?? 'USD',
      row.occurredAt,
      type === 'income' ? 1 : -1,
      row.categoryId ?? null,
      user,
      row.deleted ? new Date() : null,
      row.deleted ? user : null,
    ],
  );
  for (const [position, split] of (row.splits ?? []).entries()) {
    await pool.query(
      'INSERT INTO transaction_splits (team_id, transaction_id, position, category_id, amount_minor) VALUES ($1, $2, $3, $4, $5)',
      [row.teamId, id, position, split.categoryId, split.amountMinor.toString()],
    );
  }
  return { id, row };
}

export async function insertCategory(pool: Pool, teamId: string, parentId: string | null = null, kind = 'expense'): Promise<string> {
  const id = uuidv7();
  const user = uuidv7();
  await pool.query(
    `INSERT INTO categories (id, team_id, name, kind, parent_id, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [id, teamId, `category ${id.slice(-4)}`, kind, parentId, user],
  );
  return id;
}

/** The `transaction.created` event of a ledger row, as the consumer receives it from Kafka. */
export function createdEvent({ id, row }: { id: string; row: LedgerRow }, eventId = uuidv7()): ReceivedEvent {
  return {
    id: eventId,
    source: '/cashier/transactions',
    type: 'transactions.transaction.created.v1',
    subject: row.teamId,
    time: new Date().toISOString(),
    requestid: `req-${eventId}`,
    topic: 'transactions.transaction.created.v1',
    partition: 0,
    offset: '0',
    payload: Buffer.from(
      TransactionCreated.encode({
        transactionId: id,
        teamId: row.teamId,
        type: row.type ?? 'expense',
        amount: { amountMinor: row.amountMinor, currencyCode: row.currencyCode ?? 'USD' },
        occurredAt: row.occurredAt,
        createdBy: uuidv7(),
      }).finish(),
    ),
  };
}

export async function insertAccount(pool: Pool, teamId: string, currencyCode = 'USD', options: { allowNegative?: boolean; openingMinor?: bigint } = {}): Promise<string> {
  const id = uuidv7();
  const user = uuidv7();
  await pool.query(
    `INSERT INTO accounts (id, team_id, name, kind, currency_code, opening_balance_minor, allow_negative, created_by, updated_by)
     VALUES ($1, $2, $3, 'bank', $4, $5, $6, $7, $7)`,
    [id, teamId, `account ${id.slice(-4)}`, currencyCode, (options.openingMinor ?? 0n).toString(), options.allowNegative ?? true, user],
  );
  return id;
}
