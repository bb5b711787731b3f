import { Pool } from 'pg';
import { databaseUrl } from '@cashier/testing';

/** Read-only looks into the transactions database, to prove that refused requests wrote nothing. */
export class LedgerDb {
  private readonly pool = new Pool({ connectionString: databaseUrl('cashier_transactions'), max: 2 });

  /** The team's transactions, and the events about them waiting in (or published from) the outbox. */
  async counts(teamId: string): Promise<{ transactions: number; outbox: number }> {
    const { rows } = await this.pool.query(
      `SELECT (SELECT count(*) FROM transactions WHERE team_id = $1)::int AS transactions,
              (SELECT count(*) FROM outbox WHERE team_id = $1 AND type LIKE 'transactions.transaction.%')::int AS outbox`,
      [teamId],
    );
    return rows[0];
  }

  async pendingOutbox(teamId: string): Promise<number> {
    const { rows } = await this.pool.query(
      'SELECT count(*)::int AS n FROM outbox WHERE team_id = $1 AND published_at IS NULL',
      [teamId],
    );
    return rows[0].n;
  }

  async pendingOutboxAll(): Promise<number> {
    const { rows } = await this.pool.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    return rows[0].n;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
