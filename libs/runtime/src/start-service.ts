import type { Server } from '@grpc/grpc-js';
import type { Kafka, Producer } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { Pool } from 'pg';
import { ContextTokenVerifier } from '@cashier/auth-context';
import { createPool } from '@cashier/db';
import { createKafka, ensureTopics, EventConsumer, OutboxRelay, type EventConsumerOptions } from '@cashier/events';
import { bindServer, createGrpcServer, HealthRegistry, ServingStatus, stopServer } from '@cashier/grpc';
import { createLogger, type Logger } from '@cashier/logger';
import { loadServiceConfig, type ServiceConfig } from './service-config';
import { onShutdown } from './shutdown';

export interface Disconnectable {
  $disconnect(): Promise<void>;
}

export interface ServiceContext<P> {
  config: ServiceConfig;
  logger: Logger;
  pool: Pool;
  prisma: P;
  kafka: Kafka;
  server: Server;
  verifier: ContextTokenVerifier;
}

export interface ServiceParts {
  /** Topics this service publishes to through its outbox; having any starts the relay. */
  publishes?: string[];
  /** Consumers this service runs; their topics and dead-letter topics are created if missing. */
  consumers?: Omit<EventConsumerOptions, 'kafka' | 'logger'>[];
  /** Background work (schedulers, senders) started by register; stopped after the gRPC drain. */
  background?: { name: string; stop: () => Promise<void> }[];
}

export interface ServiceDefinition<P extends Disconnectable> {
  /** Short name: logs, the context-token audience, the Kafka client id. */
  name: string;
  /** Fully-qualified gRPC service names, for the health service. */
  grpcServices: string[];
  createPrisma: (pool: Pool) => P;
  /** Registers gRPC handlers on ctx.server and declares events; wiring only. */
  register: (ctx: ServiceContext<P>) => ServiceParts | Promise<ServiceParts>;
}

/**
 * The common life of every CashierAI service: validated config, JSON logs, a pg pool
 * shared by Prisma and the outbox, Kafka topics, gRPC with grpc.health.v1 (SERVING only
 * once the database and Kafka answer), and a graceful SIGTERM.
 */
export async function startService<P extends Disconnectable>(definition: ServiceDefinition<P>): Promise<void> {
  const config = loadServiceConfig();
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const pool = createPool({ url: config.DATABASE_URL, max: config.DB_POOL_MAX, applicationName: definition.name });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  await pool.query('SELECT 1');

  const prisma = definition.createPrisma(pool);
  const kafka = createKafka({ clientId: definition.name, brokers: config.KAFKA_BROKERS, logger });
  const verifier = await ContextTokenVerifier.fromJwk(config.INTERNAL_CONTEXT_PUBLIC_KEY, definition.name);
  const server = createGrpcServer();
  const health = new HealthRegistry(definition.grpcServices);
  health.addTo(server);

  const parts = await definition.register({ config, logger, pool, prisma, kafka, server, verifier });
  const consumers = (parts.consumers ?? []).map((options) => new EventConsumer({ ...options, kafka, logger }));
  const topics = [
    ...(parts.publishes ?? []),
    ...(parts.consumers ?? []).flatMap((c) => Object.keys(c.handlers)),
    ...consumers.map((c) => c.deadLetterTopic),
  ];
  if (topics.length > 0) await ensureTopics(kafka, [...new Set(topics)]);

  let producer: Producer | undefined;
  let relay: OutboxRelay | undefined;
  if ((parts.publishes ?? []).length > 0) {
    producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
    await producer.connect();
    relay = new OutboxRelay({ pool, producer, logger: logger.child({ component: 'outbox-relay' }) });
    await relay.start();
  }
  for (const consumer of consumers) await consumer.start();

  const port = await bindServer(server, config.GRPC_HOST, config.GRPC_PORT);
  health.setAll(ServingStatus.SERVING);
  logger.info({ host: config.GRPC_HOST, port, pid: process.pid }, `${definition.name} serving`);

  onShutdown(
    logger,
    [
      {
        name: 'health NOT_SERVING',
        run: async () => {
          health.setAll(ServingStatus.NOT_SERVING);
          health.endWatches();
        },
      },
      { name: 'grpc drain', run: () => stopServer(server, config.SHUTDOWN_GRACE_MS) },
      { name: 'consumers', run: async () => void (await Promise.all(consumers.map((c) => c.stop()))) },
      ...(parts.background ?? []).map((work) => ({ name: work.name, run: work.stop })),
      { name: 'outbox relay', run: async () => relay?.stop() },
      { name: 'kafka producer', run: async () => producer?.disconnect() },
      { name: 'prisma', run: () => prisma.$disconnect() },
      { name: 'database pool', run: () => pool.end() },
    ],
    config.SHUTDOWN_GRACE_MS + 5_000,
  );
}
