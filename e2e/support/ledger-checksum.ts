import { Pool } from 'pg';
import { databaseUrl } from '@cashier/testing';

/** Read-only looks into the ledger tables of the transactions database, to prove that refused requests wrote nothing. */
export class LedgerChecksum {
  private readonly pool = new Pool({ connectionString: databaseUrl('cashier_transactions'), max: 2 });

  /** One hash over every ledger row of a team (transactions, accounts, categories, splits, legs, change log, outbox). */
  async of(teamId: string): Promise<string> {
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

  /** Event types the team's changes queued in the outbox, oldest first. */
  async outboxTypes(teamId: string): Promise<string[]> {
    const { rows } = await this.pool.query('SELECT type FROM outbox WHERE team_id = $1 ORDER BY seq', [teamId]);
    return rows.map((row: { type: string }) => row.type);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
