import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { createLogger } from '@cashier/logger';
import { infra, KafkaProbe, scratchDatabase, waitFor } from '@cashier/testing';
import {
  createKafka,
  deadLetterTopicOf,
  ensureTopics,
  EventConsumer,
  OUTBOX_INBOX_SQL,
  OutboxRelay,
  processOnce,
  toKafkaHeaders,
  type RawExecutor,
  type ReceivedEvent,
  type RunInTransaction,
} from '../index';

const logger = createLogger('events-test', process.env.TEST_LOG_LEVEL ?? 'silent');

interface PgTx extends RawExecutor {
  query: Pool['query'];
}

/** The inbox over plain pg: `$executeRaw` with the same tagged-template contract Prisma has. */
function runInPgTransaction(pool: Pool): RunInTransaction<PgTx> {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const tx: PgTx = {
        query: client.query.bind(client) as Pool['query'],
        $executeRaw: async (strings, ...values) => {
          const text = strings.reduce((sql, part, i) => `${sql}$${i}${part}`);
          return (await client.query(text, values)).rowCount ?? 0;
        },
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}

describe('outbox -> Kafka -> inbox, on the real broker and database', () => {
  let pool: Pool;
  let kafka: Kafka;
  let producer: Producer;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    pool = await scratchDatabase(
      'cashier_test_events',
      `${OUTBOX_INBOX_SQL}
       CREATE TABLE effects (team_id uuid PRIMARY KEY, applied int NOT NULL);`,
    );
    kafka = createKafka({ clientId: 'events-test', brokers: [infra.kafkaBrokers], logger });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await pool.end();
  });

  function countingHandler(seen: ReceivedEvent[]) {
    return async (event: ReceivedEvent) => {
      seen.push(event);
      if (event.payload.toString() === 'poison') throw new Error('this message can never be applied');
      await processOnce(runInPgTransaction(pool), 'test-group', event.id, async (tx) => {
        await tx.query(
          `INSERT INTO effects (team_id, applied) VALUES ($1, 1)
           ON CONFLICT (team_id) DO UPDATE SET applied = effects.applied + 1`,
          [event.subject],
        );
      });
    };
  }

  async function applied(teamId: string): Promise<number | undefined> {
    const { rows } = await pool.query('SELECT applied FROM effects WHERE team_id = $1', [teamId]);
    return rows[0]?.applied;
  }

  function message(teamId: string, id = randomUUID(), payload = 'ok') {
    return {
      key: teamId,
      value: Buffer.from(payload),
      headers: toKafkaHeaders({
        id,
        source: '/test',
        type: 'test.thing.happened.v1',
        subject: teamId,
        time: new Date().toISOString(),
      }),
    };
  }

  it('applies an event delivered twice only once', async () => {
    const topic = `test.dup.${run}`;
    await ensureTopics(kafka, [topic, deadLetterTopicOf(`dup-${run}`)]);
    const teamId = randomUUID();
    const eventId = randomUUID();
    await producer.send({ topic, messages: [message(teamId, eventId), message(teamId, eventId)] });

    const seen: ReceivedEvent[] = [];
    const consumer = new EventConsumer({ kafka, logger, groupId: `dup-${run}`, handlers: { [topic]: countingHandler(seen) } });
    await consumer.start();
    try {
      await waitFor('both deliveries', async () => (seen.length >= 2 ? true : undefined));
      expect(seen.map((e) => e.id)).toEqual([eventId, eventId]);
      expect(await applied(teamId)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('parks a message that always fails in the dead-letter topic and goes on with the next ones', async () => {
    const topic = `test.poison.${run}`;
    const groupId = `poison-${run}`;
    await ensureTopics(kafka, [topic, deadLetterTopicOf(groupId)], 1);
    const teamId = randomUUID();
    const poisonId = randomUUID();
    await producer.send({
      topic,
      messages: [message(teamId, poisonId, 'poison'), message(teamId), message(teamId), message(teamId)],
    });

    const seen: ReceivedEvent[] = [];
    const consumer = new EventConsumer({
      kafka,
      logger,
      groupId,
      maxAttempts: 3,
      initialBackoffMs: 10,
      handlers: { [topic]: countingHandler(seen) },
    });
    const dlt = new KafkaProbe(kafka);
    await consumer.start();
    await dlt.start([deadLetterTopicOf(groupId)]);
    try {
      await waitFor('the three good messages', async () => ((await applied(teamId)) === 3 ? true : undefined));
      await waitFor('the poison message in the DLT', async () => (dlt.messages.length === 1 ? true : undefined));
      const parked = dlt.messages[0];
      expect(dlt.header(parked, 'ce_id')).toBe(poisonId);
      expect(dlt.header(parked, 'dlt_error')).toContain('this message can never be applied');
      expect(dlt.header(parked, 'dlt_attempts')).toBe('3');
      expect(dlt.header(parked, 'dlt_original_topic')).toBe(topic);
      expect(seen.filter((e) => e.id === poisonId)).toHaveLength(3);
    } finally {
      await dlt.stop();
      await consumer.stop();
    }
  });

  it('sends a message without CloudEvents headers straight to the dead-letter topic', async () => {
    const topic = `test.malformed.${run}`;
    const groupId = `malformed-${run}`;
    await ensureTopics(kafka, [topic, deadLetterTopicOf(groupId)], 1);
    await producer.send({ topic, messages: [{ key: 'x', value: Buffer.from('no headers') }] });
    const seen: ReceivedEvent[] = [];
    const consumer = new EventConsumer({ kafka, logger, groupId, handlers: { [topic]: countingHandler(seen) } });
    const dlt = new KafkaProbe(kafka);
    await consumer.start();
    await dlt.start([deadLetterTopicOf(groupId)]);
    try {
      await waitFor('the malformed message in the DLT', async () => (dlt.messages.length === 1 ? true : undefined));
      expect(dlt.header(dlt.messages[0], 'dlt_error')).toMatch(/MalformedEventError/);
      expect(seen).toHaveLength(0);
    } finally {
      await dlt.stop();
      await consumer.stop();
    }
  });

  it('holds events while the relay is down and publishes every one, keyed by team, once it is back', async () => {
    const topic = `test.relay.${run}`;
    await ensureTopics(kafka, [topic]);
    const teams = [randomUUID(), randomUUID()];
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = randomUUID();
      ids.push(id);
      await pool.query(
        `INSERT INTO outbox (id, topic, type, source, team_id, payload, request_id, occurred_at)
         VALUES ($1, $2, 'test.thing.happened.v1', '/test', $3, $4, $5, now())`,
        [id, topic, teams[i % 2], Buffer.from(`n${i}`), `req-${i}`],
      );
    }
    const probe = new KafkaProbe(kafka);
    await probe.start([topic]);
    const relayProducer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await relayProducer.connect();
    const relay = new OutboxRelay({ pool, producer: relayProducer, logger, pollIntervalMs: 200 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(probe.messages).toHaveLength(0);

      await relay.start();
      await waitFor('30 published events', async () => (probe.messages.length >= 30 ? true : undefined));
      const received = probe.messages.map((m) => probe.header(m, 'ce_id'));
      expect(new Set(received)).toEqual(new Set(ids));
      for (const m of probe.messages) {
        expect(m.key?.toString()).toBe(probe.header(m, 'ce_subject'));
        expect(probe.header(m, 'ce_requestid')).toMatch(/^req-\d+$/);
      }
      // Within one team (one key, so one partition), events arrive in the order they were written.
      const firstTeam = probe.messages.filter((m) => m.key?.toString() === teams[0]).map((m) => m.value?.toString());
      expect(firstTeam).toEqual(Array.from({ length: 15 }, (_, k) => `n${k * 2}`));
      const pending = await pool.query(`SELECT count(*) FROM outbox WHERE topic = $1 AND published_at IS NULL`, [topic]);
      expect(Number(pending.rows[0].count)).toBe(0);

      // A new row wakes the running relay.
      const late = randomUUID();
      await pool.query(
        `INSERT INTO outbox (id, topic, type, source, team_id, payload, occurred_at)
         VALUES ($1, $2, 'test.thing.happened.v1', '/test', $3, 'late', now())`,
        [late, topic, teams[0]],
      );
      await waitFor('the late event', async () =>
        probe.messages.some((m) => probe.header(m, 'ce_id') === late) ? true : undefined,
      );
    } finally {
      await relay.stop();
      await relayProducer.disconnect();
      await probe.stop();
    }
  });
});
