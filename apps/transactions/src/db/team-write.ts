import { withSerializationRetry } from '@cashier/db';
import type { OutboxRecord } from '@cashier/events';
import { Prisma } from './generated/client';
import type { EntityType, ChangeOp } from './generated/enums';
import type { LedgerDb, TransactionsPrisma } from './create-prisma';

export interface WriteScope {
  teamId: string;
  actorId: string;
  requestId: string | null;
}

export interface Change {
  entityType: EntityType;
  entityId: string;
  op: ChangeOp;
  /** JSON images of the entity (null when it did not exist before, or no longer exists after). */
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
}

// Generous, because a team's writes queue on its sequence row: a burst of writes of one
// team waits its turn rather than failing.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** One database transaction of one team's ledger: its changes go to the change log, its events to the outbox. */
export class TeamWrite {
  constructor(
    readonly db: LedgerDb,
    readonly scope: WriteScope,
  ) {}

  /**
   * Joins a database transaction that is already open (e.g. planning posting a recurring
   * entry together with its own rows): takes the team's ledger lock in it first.
   */
  static async begin(db: LedgerDb, scope: WriteScope): Promise<TeamWrite> {
    await lockTeamLedger(db, scope.teamId);
    return new TeamWrite(db, scope);
  }

  get teamId(): string {
    return this.scope.teamId;
  }

  get actorId(): string {
    return this.scope.actorId;
  }

  /** Appends the change to the team's change log under the next seq; returns the seq. */
  async recordChange(change: Change): Promise<bigint> {
    const [{ last_seq: seq }] = await this.db.$queryRaw<{ last_seq: bigint }[]>`
      UPDATE team_sequences SET last_seq = last_seq + 1 WHERE team_id = ${this.teamId}::uuid RETURNING last_seq`;
    await this.db.changeLogEntry.create({
      data: {
        teamId: this.teamId,
        seq,
        entityType: change.entityType,
        entityId: change.entityId,
        op: change.op,
        actorId: this.actorId,
        before: change.before ?? Prisma.DbNull,
        after: change.after ?? Prisma.DbNull,
        requestId: this.scope.requestId,
      },
    });
    return seq;
  }

  /** Appends many changes at once under consecutive seqs (e.g. an import); returns the last seq. */
  async recordChanges(changes: readonly Change[]): Promise<bigint> {
    const [{ last_seq: last }] = await this.db.$queryRaw<{ last_seq: bigint }[]>`
      UPDATE team_sequences SET last_seq = last_seq + ${changes.length} WHERE team_id = ${this.teamId}::uuid RETURNING last_seq`;
    const first = last - BigInt(changes.length) + 1n;
    await this.db.changeLogEntry.createMany({
      data: changes.map((change, index) => ({
        teamId: this.teamId,
        seq: first + BigInt(index),
        entityType: change.entityType,
        entityId: change.entityId,
        op: change.op,
        actorId: this.actorId,
        before: change.before ?? Prisma.DbNull,
        after: change.after ?? Prisma.DbNull,
        requestId: this.scope.requestId,
      })),
    });
    return last;
  }

  /** Queues an event; it is published only if this transaction commits. */
  async publish(event: OutboxRecord): Promise<void> {
    await this.db.outboxEvent.create({ data: event });
  }
}

/**
 * Runs `work` in one database transaction that first locks the team's sequence row.
 * Every write of a team's ledger goes through here, so a team's writes are serialised:
 * checks that read the ledger (balances, outstanding loans, category cycles) cannot race,
 * and change-log seqs commit in order (a sync never skips a seq committed later).
 * Deadlocks and serialization failures are retried as a whole.
 */
export function runTeamWrite<T>(
  prisma: TransactionsPrisma,
  scope: WriteScope,
  work: (write: TeamWrite) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  const transactionOptions = { ...TRANSACTION_OPTIONS, timeout: options.timeoutMs ?? TRANSACTION_OPTIONS.timeout };
  return withSerializationRetry(() => prisma.$transaction(async (db) => work(await TeamWrite.begin(db, scope)), transactionOptions));
}

/** Locks the team's sequence row (creating it on the team's first write) until the transaction ends. */
async function lockTeamLedger(db: LedgerDb, teamId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO team_sequences (team_id, last_seq) VALUES (${teamId}::uuid, 0)
    ON CONFLICT (team_id) DO UPDATE SET last_seq = team_sequences.last_seq`;
}
