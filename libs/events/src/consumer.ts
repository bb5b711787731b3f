import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import type { Logger } from '@cashier/logger';
import { fromKafkaHeaders, MalformedEventError, type CloudEventAttributes } from './cloud-event';
import { deadLetterTopicOf } from './topics';

export interface ReceivedEvent extends CloudEventAttributes {
  payload: Buffer;
  topic: string;
  partition: number;
  offset: string;
}

export type EventHandler = (event: ReceivedEvent, log: Logger) => Promise<void>;

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  /** Topic -> handler. Events of other types on the same topic are skipped. */
  handlers: Record<string, EventHandler>;
  logger: Logger;
  /** Tries per message before it goes to the dead-letter topic. */
  maxAttempts?: number;
  initialBackoffMs?: number;
  /** Defaults to `dlt.<groupId>`; per-instance groups (every gateway sees every event) share one. */
  deadLetterTopic?: string;
  /** A new group reads the topics from their start (default) or only what arrives from now on. */
  fromBeginning?: boolean;
}

/** A failure that retrying cannot fix: the message goes straight to the dead-letter topic. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/**
 * Consumes with at-least-once delivery: each message is retried with exponential
 * backoff, then parked in the group's dead-letter topic (with the error and its
 * origin in headers) so the messages behind it keep flowing. Offsets are committed
 * only after a message is handled or parked.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly maxAttempts: number;
  private readonly initialBackoffMs: number;
  readonly deadLetterTopic: string;

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // Small fetches: a backlog is read in slices, not in 10 MB batches held in memory.
      maxBytes: 1024 * 1024,
      maxBytesPerPartition: 256 * 1024,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    this.producer = options.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.maxAttempts = options.maxAttempts ?? 5;
    this.initialBackoffMs = options.initialBackoffMs ?? 100;
    this.deadLetterTopic = options.deadLetterTopic ?? deadLetterTopicOf(options.groupId);
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: Object.keys(this.options.handlers),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ topic, partition, message, heartbeat }) =>
        this.handle(topic, partition, message, heartbeat),
    });
  }

  /**
   * Stops fetching, lets the message in hand finish, commits, leaves the group. kafkajs's
   * disconnect can hang while the group is rejoining (after a broker restart, tulios/kafkajs
   * #1462); past `graceMs` we stop waiting: committed offsets and the inbox keep it safe.
   */
  async stop(graceMs = 5_000): Promise<void> {
    const gaveUp = Symbol('gave up');
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.consumer.disconnect(),
      new Promise<typeof gaveUp>((resolve) => {
        timer = setTimeout(() => resolve(gaveUp), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === gaveUp) this.options.logger.warn({ groupId: this.options.groupId, graceMs }, 'consumer did not leave its group in time');
    await this.producer.disconnect();
  }

  private async handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const origin = { topic, partition, offset: message.offset };
    let event: ReceivedEvent;
    try {
      event = { ...fromKafkaHeaders(message.headers), payload: message.value ?? Buffer.alloc(0), ...origin };
    } catch (error) {
      await this.deadLetter(message, origin, error as Error, 0);
      return;
    }
    const log = this.options.logger.child({ eventId: event.id, type: event.type, requestId: event.requestid });
    const handler = this.options.handlers[topic];
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event, log);
        return;
      } catch (error) {
        const permanent = error instanceof PermanentEventError || error instanceof MalformedEventError;
        if (permanent || attempt >= this.maxAttempts) {
          log.error({ err: error, attempt, ...origin }, 'event failed for good; sending it to the dead-letter topic');
          await this.deadLetter(message, origin, error as Error, attempt);
          return;
        }
        log.warn({ err: error, attempt }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, this.initialBackoffMs * 2 ** (attempt - 1)));
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    message: KafkaMessage,
    origin: { topic: string; partition: number; offset: string },
    error: Error,
    attempts: number,
  ): Promise<void> {
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            dlt_error: `${error.name}: ${error.message}`.slice(0, 1000),
            dlt_attempts: String(attempts),
            dlt_original_topic: origin.topic,
            dlt_original_partition: String(origin.partition),
            dlt_original_offset: origin.offset,
            dlt_group: this.options.groupId,
          },
        },
      ],
    });
  }
}
