import type { ChangeLogEntry } from './generated/client';
import type { ChangeOp, EntityType } from './generated/enums';
import type { LedgerDb } from './create-prisma';

/** The latest change of one entity. */
export interface LatestChange {
  seq: bigint;
  entityType: EntityType;
  entityId: string;
  op: ChangeOp;
  at: Date;
  actorId: string;
}

/**
 * The entities of the team changed after `sinceSeq`, each once with its latest change,
 * ordered by that change's seq; up to `limit + 1` (the extra one says there is more).
 * Because a team's writes commit in seq order (team_sequences), a seq a client has seen
 * is never followed by a smaller one committing later.
 */
export async function latestChangesSince(db: LedgerDb, teamId: string, sinceSeq: bigint, limit: number): Promise<LatestChange[]> {
  const rows = await db.$queryRaw<
    { seq: bigint; entity_type: EntityType; entity_id: string; op: ChangeOp; at: Date; actor_id: string }[]
  >`
    WITH latest AS (
      SELECT max(seq) AS seq FROM change_log
       WHERE team_id = ${teamId}::uuid AND seq > ${sinceSeq}::bigint
       GROUP BY entity_type, entity_id
       ORDER BY 1
       LIMIT ${limit + 1}
    )
    SELECT c.seq, c.entity_type, c.entity_id::text AS entity_id, c.op, c.at, c.actor_id::text AS actor_id
      FROM latest l JOIN change_log c ON c.team_id = ${teamId}::uuid AND c.seq = l.seq
     ORDER BY c.seq`;
  return rows.map((row) => ({
    seq: row.seq,
    entityType: row.entity_type,
    entityId: row.entity_id,
    op: row.op,
    at: row.at,
    actorId: row.actor_id,
  }));
}

/** The change log itself, in order, after `sinceSeq` (optionally for one entity); up to limit + 1 rows. */
export function changesSince(
  db: LedgerDb,
  teamId: string,
  sinceSeq: bigint,
  limit: number,
  entityId: string | null,
): Promise<ChangeLogEntry[]> {
  return db.changeLogEntry.findMany({
    where: { teamId, seq: { gt: sinceSeq }, ...(entityId ? { entityId } : {}) },
    orderBy: { seq: 'asc' },
    take: limit + 1,
  });
}
