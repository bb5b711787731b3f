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

/**
 * When a team write takes the team's lock (its row in team_sequences, held to COMMIT):
 * - `start` (the default): before `work` runs, so everything `work` reads and checks is
 *   serialised with the team's other writes;
 * - `tail`: only when `work` asks for it (`write.lock()`), or at its first change-log
 *   entry or event: the rows written before that do not wait for the team's other writes.
 *   Work that reads the ledger to decide (balances, outstanding loans, category trees)
 *   calls `write.lock()` before reading. Change-log seqs still commit in order, because a
 *   seq is taken only under the lock, and the lock is held until COMMIT.
 */
export type TeamLockPoint = 'start' | 'tail';

/** One database transaction of one team's ledger: its changes go to the change log, its events to the outbox. */
export class TeamWrite {
  #locked: boolean;

  constructor(
    readonly db: LedgerDb,
    readonly scope: WriteScope,
    locked = false,
  ) {
    this.#locked = locked;
  }

  /**
   * Joins a database transaction that is already open (e.g. planning posting a recurring
   * entry together with its own rows): takes the team's ledger lock in it first.
   */
  static async begin(db: LedgerDb, scope: WriteScope): Promise<TeamWrite> {
    await lockTeamLedger(db, scope.teamId);
    return new TeamWrite(db, scope, true);
  }

  get teamId(): string {
    return this.scope.teamId;
  }

  get actorId(): string {
    return this.scope.actorId;
  }

  /** True once this transaction holds the team's lock (it keeps it until it ends). */
  get locked(): boolean {
    return this.#locked;
  }

  /**
   * Takes the team's lock now if this write does not hold it yet. Everything read after it
   * (in a new statement: READ COMMITTED) includes every earlier write of the team, and no
   * other write of the team commits until this one ends.
   */
  async lock(): Promise<void> {
    if (this.#locked) return;
    await lockTeamLedger(this.db, this.teamId);
    this.#locked = true;
  }

  /** Appends the change to the team's change log under the next seq; returns the seq. */
  async recordChange(change: Change): Promise<bigint> {
    return this.append(change, null, []);
  }

  /**
   * recordChange and publish in one statement: the seq, the change-log row and the outbox
   * row travel in a single round trip (the tail of a write, under the team's lock).
   * `insert`: more rows to write in the same statement, as named CTEs (`name AS (INSERT ...)`),
   * e.g. the new transaction itself (newTransactionRows).
   */
  async recordChangeAndPublish(change: Change, event: OutboxRecord, insert: readonly Prisma.Sql[] = []): Promise<bigint> {
    return this.append(change, event, insert);
  }

  /** Appends many changes at once under consecutive seqs (e.g. an import); returns the last seq. */
  async recordChanges(changes: readonly Change[]): Promise<bigint> {
    await this.lock();
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

  /**
   * Queues an event; it is published only if this transaction commits. Under the team's
   * lock (taken here if need be), so a team's events queue in the order its writes commit.
   */
  async publish(event: OutboxRecord): Promise<void> {
    await this.lock();
    await this.db.$executeRaw`
      INSERT INTO outbox (id, topic, type, source, team_id, payload, request_id, occurred_at)
      VALUES (${event.id}::uuid, ${event.topic}, ${event.type}, ${event.source}, ${event.teamId}::uuid,
              ${event.payload}, ${event.requestId}, ${event.occurredAt})`;
  }

  /** publish for many events at once (e.g. an import): one multi-row insert. */
  async publishMany(events: readonly OutboxRecord[]): Promise<void> {
    await this.lock();
    await this.db.outboxEvent.createMany({ data: [...events] });
  }

  /**
   * Takes the next seq (locking the team's row, creating it on the team's first write),
   * inserts the change-log row, the outbox row if any, and the `insert` CTEs: one statement.
   */
  private async append(change: Change, event: OutboxRecord | null, insert: readonly Prisma.Sql[]): Promise<bigint> {
    const json = (image: Prisma.InputJsonValue | null) => (image === null ? null : JSON.stringify(image));
    const ctes = [
      ...insert,
      Prisma.sql`next AS (
        INSERT INTO team_sequences AS s (team_id, last_seq) VALUES (${this.teamId}::uuid, 1)
        ON CONFLICT (team_id) DO UPDATE SET last_seq = s.last_seq + 1
        RETURNING last_seq)`,
      Prisma.sql`logged AS (
        INSERT INTO change_log (team_id, seq, entity_type, entity_id, op, actor_id, at, before, after, request_id)
        SELECT ${this.teamId}::uuid, next.last_seq, ${change.entityType}::entity_type, ${change.entityId}::uuid,
               ${change.op}::change_op, ${this.actorId}::uuid, ${new Date()}, ${json(change.before)}::jsonb,
               ${json(change.after)}::jsonb, ${this.scope.requestId}
          FROM next
        RETURNING seq)`,
    ];
    if (event) {
      ctes.push(Prisma.sql`queued AS (
        INSERT INTO outbox (id, topic, type, source, team_id, payload, request_id, occurred_at)
        VALUES (${event.id}::uuid, ${event.topic}, ${event.type}, ${event.source}, ${event.teamId}::uuid,
                ${event.payload}, ${event.requestId}, ${event.occurredAt}))`);
    }
    const rows = await this.db
      .$queryRaw<{ seq: bigint }[]>`WITH ${Prisma.join(ctes, ',\n')} SELECT seq FROM logged`;
    this.#locked = true;
    return rows[0].seq;
  }
}

/**
 * Runs `work` in one database transaction of the team's ledger, holding the team's
 * sequence row from the lock point (`options.lock`, default `start`) to COMMIT.
 * Every write of a team's ledger goes through here, so what a team's writes check under
 * the lock (balances, outstanding loans, category cycles) cannot race, and change-log
 * seqs commit in order (a sync never skips a seq committed later).
 * Deadlocks and serialization failures are retried as a whole.
 */
export function runTeamWrite<T>(
  prisma: TransactionsPrisma,
  scope: WriteScope,
  work: (write: TeamWrite) => Promise<T>,
  options: { timeoutMs?: number; lock?: TeamLockPoint } = {},
): Promise<T> {
  const transactionOptions = { ...TRANSACTION_OPTIONS, timeout: options.timeoutMs ?? TRANSACTION_OPTIONS.timeout };
  const open = (db: LedgerDb) => (options.lock === 'tail' ? Promise.resolve(new TeamWrite(db, scope)) : TeamWrite.begin(db, scope));
  return withSerializationRetry(() => prisma.$transaction(async (db) => work(await open(db)), transactionOptions));
}

/** Locks the team's sequence row (creating it on the team's first write) until the transaction ends. */
async function lockTeamLedger(db: LedgerDb, teamId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO team_sequences (team_id, last_seq) VALUES (${teamId}::uuid, 0)
    ON CONFLICT (team_id) DO UPDATE SET last_seq = team_sequences.last_seq`;
}
