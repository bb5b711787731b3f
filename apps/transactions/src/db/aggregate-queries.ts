import { Prisma } from './generated/client';
import type { LedgerDb } from './create-prisma';
import type { AggregateRequest } from '../domain/aggregate-request';

/** Totals of one group in one currency: amounts never cross currencies. */
export interface AggregateRow {
  /** Null for uncategorised transactions. */
  key: string | null;
  currency: string;
  inflow: bigint;
  outflow: bigint;
  count: bigint;
}

/** Only the requested types (all when none), narrowed to `only` when the grouping has its own set. */
function typeFilter(request: AggregateRequest, only?: readonly string[]): Prisma.Sql {
  let kinds: string[] | null = request.kinds.length > 0 ? [...request.kinds] : null;
  if (only) kinds = (kinds ?? [...only]).filter((kind) => only.includes(kind));
  if (kinds === null) return Prisma.empty;
  return Prisma.sql`AND t.type::text = ANY(${kinds}::text[])`;
}

/**
 * Sums of money in and out, per group and currency, over the team's live transactions
 * in [from, to). Every query starts at an index that begins with team_id.
 */
export function aggregate(db: LedgerDb, teamId: string, request: AggregateRequest): Promise<AggregateRow[]> {
  return db.$queryRaw<AggregateRow[]>(aggregateQuery(teamId, request));
}

/** The SQL of one aggregate (exported so tests can EXPLAIN exactly what runs). */
export function aggregateQuery(teamId: string, request: AggregateRequest): Prisma.Sql {
  const range = Prisma.sql`t.team_id = ${teamId}::uuid AND t.deleted_at IS NULL
    AND t.occurred_at >= ${request.from}::timestamptz AND t.occurred_at < ${request.to}::timestamptz`;
  const flows = (amount: Prisma.Sql) => Prisma.sql`
    COALESCE(SUM(CASE WHEN t.direction = 1 THEN ${amount} END), 0)::bigint AS inflow,
    COALESCE(SUM(CASE WHEN t.direction = -1 THEN ${amount} END), 0)::bigint AS outflow,
    COUNT(*)::bigint AS count`;

  switch (request.groupBy) {
    case 'category':
      // A split counts each part in its own category.
      return Prisma.sql`
        SELECT COALESCE(s.category_id, t.category_id)::text AS key, t.currency_code AS currency,
               ${flows(Prisma.sql`COALESCE(s.amount_minor, t.amount_minor)`)}
          FROM transactions t
          LEFT JOIN transaction_splits s ON s.team_id = t.team_id AND s.transaction_id = t.id
         WHERE ${range} ${typeFilter(request, ['expense', 'income'])}
         GROUP BY 1, 2 ORDER BY 2, 1`;
    case 'period':
      return Prisma.sql`
        SELECT to_char(date_trunc(${request.period}, t.occurred_at AT TIME ZONE ${request.timeZone}), 'YYYY-MM-DD') AS key,
               t.currency_code AS currency, ${flows(Prisma.sql`t.amount_minor`)}
          FROM transactions t
         WHERE ${range} ${typeFilter(request)}
         GROUP BY 1, 2 ORDER BY 1, 2`;
    case 'member':
      return Prisma.sql`
        SELECT t.created_by::text AS key, t.currency_code AS currency, ${flows(Prisma.sql`t.amount_minor`)}
          FROM transactions t
         WHERE ${range} ${typeFilter(request)}
         GROUP BY 1, 2 ORDER BY 2, 1`;
    case 'cash_flow':
      return Prisma.sql`
        SELECT '' AS key, t.currency_code AS currency, ${flows(Prisma.sql`t.amount_minor`)}
          FROM transactions t
         WHERE ${range} AND t.direction <> 0 ${typeFilter(request)}
         GROUP BY 2 ORDER BY 2`;
    case 'account':
      // From the legs: transfers count on both accounts, each in its own currency.
      return Prisma.sql`
        SELECT e.account_id::text AS key, e.currency_code AS currency,
               COALESCE(SUM(CASE WHEN e.amount_minor > 0 THEN e.amount_minor END), 0)::bigint AS inflow,
               COALESCE(SUM(CASE WHEN e.amount_minor < 0 THEN -e.amount_minor END), 0)::bigint AS outflow,
               COUNT(*)::bigint AS count
          FROM ledger_entries e
          JOIN transactions t ON t.team_id = e.team_id AND t.id = e.transaction_id
         WHERE e.team_id = ${teamId}::uuid
           AND e.occurred_at >= ${request.from}::timestamptz AND e.occurred_at < ${request.to}::timestamptz
           ${typeFilter(request)}
         GROUP BY 1, 2 ORDER BY 2, 1`;
  }
}
