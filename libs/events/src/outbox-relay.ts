import type { Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from '@cashier/logger';
import { toKafkaHeaders } from './cloud-event';

interface OutboxRow {
  seq: string;
  id: string;
  topic: string;
  type: string;
  source: string;
  team_id: string;
  payload: Buffer;
  request_id: string | null;
  occurred_at: Date;
}

export interface OutboxRelayOptions {
  pool: Pool;
  producer: Producer;
  logger: Logger;
  batchSize?: number;
  /** Fallback poll; inserts also wake the relay at once through LISTEN/NOTIFY on channel `outbox`. */
  pollIntervalMs?: number;
  /**
   * After a wake-up, how long the relay lets more inserts gather before it publishes: under
   * load one round (5 statements and one Kafka send) carries many events instead of one.
   */
  gatherMs?: number;
  /** Published rows older than this are deleted. */
  retentionMs?: number;
}

// One relay per database publishes at a time (transaction-scoped advisory lock), so
// events leave in commit order of their sequence and a team's events stay ordered.
const RELAY_LOCK = 0x0cab1e;

/**
 * Publishes committed outbox rows to Kafka (keyed by team id) and marks them sent.
 * At-least-once: a crash between the send and the mark re-sends, and consumers'
 * inboxes drop the duplicate.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retentionMs: number;
  private readonly gatherMs: number;
  private running = false;
  /** An insert was announced since the last round began. */
  private announced = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private listener: PoolClient | undefined;
  private failures = 0;
  private lastPrune = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;
    this.gatherMs = options.gatherMs ?? 10;
  }

  async start(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    if (this.listener) {
      this.listener.removeAllListeners('notification');
      this.listener.release();
      this.listener = undefined;
    }
  }

  /** Publishes everything pending now; returns how many rows were sent. */
  async drainOnce(): Promise<number> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [RELAY_LOCK]);
      if (!lock.rows[0].ok) {
        await client.query('ROLLBACK');
        return 0;
      }
      const { rows } = await client.query<OutboxRow>(
        `SELECT seq, id, topic, type, source, team_id, payload, request_id, occurred_at
           FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.batchSize],
      );
      if (rows.length > 0) {
        await this.publish(rows);
        await client.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [
          rows.map((row) => row.seq.toString()),
        ]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    await this.options.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicRows]) => ({
        topic,
        messages: topicRows.map((row) => ({
          key: row.team_id,
          value: row.payload,
          headers: toKafkaHeaders({
            id: row.id,
            source: row.source,
            type: row.type,
            subject: row.team_id,
            time: row.occurred_at.toISOString(),
            requestid: row.request_id ?? undefined,
          }),
        })),
      })),
    });
    for (const row of rows) {
      this.options.logger.debug({ eventId: row.id, type: row.type, requestId: row.request_id }, 'event published');
    }
  }

  private async listen(): Promise<void> {
    try {
      this.listener = await this.options.pool.connect();
      this.listener.on('notification', () => {
        this.announced = true;
        if (this.failures === 0) this.wake?.();
      });
      this.listener.on('error', (error) => this.options.logger.warn({ err: error }, 'outbox listener lost; polling'));
      await this.listener.query('LISTEN outbox');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'outbox LISTEN failed; polling only');
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      this.announced = false;
      try {
        sent = await this.drainOnce();
        if (this.failures > 0) this.options.logger.info({ after: this.failures }, 'outbox relay recovered');
        this.failures = 0;
        await this.pruneIfDue();
      } catch (error) {
        this.failures++;
        const log = this.failures === 1 || this.failures % 20 === 0 ? 'error' : 'debug';
        this.options.logger[log]({ err: error, failures: this.failures }, 'outbox relay could not publish; will retry');
      }
      if (!this.running) break;
      if (sent === this.batchSize) continue;
      // Inserts announced during the round are gathered for a moment, not left for the poll.
      const backoff = this.failures > 0 ? Math.min(5_000, 100 * 2 ** this.failures) : this.announced ? this.gatherMs : this.pollIntervalMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = undefined;
          setTimeout(resolve, this.gatherMs);
        };
      });
      this.wake = undefined;
    }
  }

  private async pruneIfDue(): Promise<void> {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.options.pool.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - ($1::bigint * interval '1 millisecond')`,
      [this.retentionMs],
    );
  }
}
