import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import type { JWK } from 'jose';
import { dirname, join } from 'node:path';
import { generateContextKeyPair } from '@cashier/auth-context';
import { grpcHealth } from './grpc-health';
import { databaseUrl, infra } from './infra-settings';
import { GATEWAY_PORT, GRPC_SERVICES, GRPC_SERVICE_NAMES, type GrpcServiceName, type ServiceName } from './services';
import { waitFor } from './wait-for';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${start}`);
  }
}

async function loadOrCreateKeys(dir: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const privateFile = join(dir, 'context.private.jwk');
  const publicFile = join(dir, 'context.public.jwk');
  if (existsSync(privateFile) && existsSync(publicFile)) {
    return {
      privateJwk: JSON.parse(readFileSync(privateFile, 'utf8')) as JWK,
      publicJwk: JSON.parse(readFileSync(publicFile, 'utf8')) as JWK,
    };
  }
  const keys = await generateContextKeyPair();
  mkdirSync(dir, { recursive: true });
  writeFileSync(privateFile, JSON.stringify(keys.privateJwk), { mode: 0o600 });
  writeFileSync(publicFile, JSON.stringify(keys.publicJwk));
  return keys;
}

/**
 * The flags every service runs with (infra/docker/Dockerfile uses the same): source maps
 * for readable stacks, and a young generation capped at 4 MB per semi-space, which keeps
 * an idle service's resident memory well under 150 MB (V8 otherwise grows it to 32 MB
 * after a burst and keeps it).
 */
export const NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=4'];

/**
 * glibc gives each thread that allocates its own malloc arena and keeps the memory after a
 * burst; two arenas are plenty for Node's few threads and keep resident memory flat.
 */
export const NODE_ENVIRONMENT = { MALLOC_ARENA_MAX: '2' };

/** The monorepo root, found from this file whether it runs from source or from a bundle in dist/. */
export const REPO_ROOT = findRepoRoot(__dirname);

export interface LocalSystemOptions {
  /** Which services to run; the gateway is included unless `gateway: false`. */
  services?: GrpcServiceName[];
  gateway?: boolean;
  /** Added to every port, so a test system never collides with a running `npm start`. */
  portOffset?: number;
  logDir?: string;
  /** Extra environment per service, e.g. shorter timeouts for a test. */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Also copy every log line to this process's stdout. */
  echoLogs?: boolean;
  /**
   * Where the context-token key pair lives (made there on first use), so that one service
   * can be restarted by hand and still trust the gateway. Without it: a fresh pair per run.
   */
  keysDir?: string;
}

interface Running {
  child: ChildProcess;
  log: WriteStream;
  exited: Promise<number | null>;
}

/**
 * The whole of CashierAI as separate OS processes on this machine: each service from its
 * build in dist/, with its own database, on loopback ports, logs in files. Used by
 * `npm start` and by the end-to-end tests, which kill, stop and restart processes by PID.
 */
export class LocalSystem {
  private readonly running = new Map<ServiceName, Running>();
  private readonly environments = new Map<ServiceName, NodeJS.ProcessEnv>();
  readonly logDir: string;
  readonly services: GrpcServiceName[];
  private readonly offset: number;

  constructor(private readonly options: LocalSystemOptions = {}) {
    this.services = options.services ?? GRPC_SERVICE_NAMES;
    this.offset = options.portOffset ?? 0;
    this.logDir = options.logDir ?? join(REPO_ROOT, 'var', 'log');
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${GATEWAY_PORT + this.offset}`;
  }

  grpcAddress(service: GrpcServiceName): string {
    return `127.0.0.1:${GRPC_SERVICES[service].port + this.offset}`;
  }

  async start(): Promise<void> {
    for (const service of this.services) {
      if (!existsSync(this.entry(service))) throw new Error(`${this.entry(service)} is missing: run npm run build`);
    }
    mkdirSync(this.logDir, { recursive: true });
    const keys = this.options.keysDir ? await loadOrCreateKeys(this.options.keysDir) : await generateContextKeyPair();
    const common = {
      ...NODE_ENVIRONMENT,
      KAFKA_BROKERS: infra.kafkaBrokers,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    };
    for (const service of this.services) {
      this.environments.set(service, {
        ...process.env,
        ...common,
        GRPC_PORT: String(GRPC_SERVICES[service].port + this.offset),
        DATABASE_URL: databaseUrl(GRPC_SERVICES[service].database),
        INTERNAL_CONTEXT_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
        ...(service === 'auth' ? this.authEnvironment() : {}),
        ...this.options.env?.[service],
      });
    }
    if (this.options.gateway !== false) {
      this.environments.set('gateway', {
        ...process.env,
        ...common,
        HTTP_PORT: String(GATEWAY_PORT + this.offset),
        REDIS_URL: infra.redisUrl,
        AUTH_GRPC_ADDR: this.grpcAddress('auth'),
        USER_TEAM_GRPC_ADDR: this.grpcAddress('user-team'),
        TRANSACTIONS_GRPC_ADDR: this.grpcAddress('transactions'),
        BILLING_GRPC_ADDR: this.grpcAddress('billing'),
        INTERNAL_CONTEXT_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
        ...this.options.env?.gateway,
      });
    }
    try {
      await Promise.all(this.services.map((service) => this.startOne(service)));
      if (this.options.gateway !== false) await this.startOne('gateway');
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Where the auth service's local SMS sink writes the codes it "sends". */
  get smsSinkFile(): string {
    return join(this.logDir, 'sms-outbox.jsonl');
  }

  /**
   * Development secrets for auth. Local only: production reads them from its secret store
   * (k8s/base/auth, Secret `auth-secrets`).
   */
  private authEnvironment(): Record<string, string> {
    return {
      OTP_PEPPER: 'local-development-otp-pepper-not-a-secret-0001',
      SIGNING_KEYS_SECRET: 'local-development-signing-keys-secret-not-a-secret-0001',
      SMS_PROVIDER: 'sink',
      SMS_SINK_FILE: this.smsSinkFile,
    };
  }

  /** Starts one service (again) with the environment it was first given, and waits until it serves. */
  async startOne(service: ServiceName): Promise<void> {
    const env = this.environments.get(service);
    if (!env) throw new Error(`${service} is not part of this system`);
    const log = createWriteStream(this.logFile(service), { flags: 'a' });
    const child = spawn(process.execPath, [...NODE_FLAGS, this.entry(service)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.pipe(log, { end: false });
      if (this.options.echoLogs) stream.pipe(process.stdout, { end: false });
    }
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    this.running.set(service, { child, log, exited });
    const failed = exited.then((code) => {
      throw new Error(`${service} exited with code ${code} while starting; see ${this.logFile(service)}`);
    });
    await Promise.race([this.waitUntilServing(service), failed]);
    failed.catch(() => undefined);
  }

  private async waitUntilServing(service: ServiceName): Promise<void> {
    if (service === 'gateway') {
      await waitFor('gateway readiness', async () => ((await fetch(`${this.gatewayUrl}/health/ready`)).ok ? true : undefined));
    } else {
      await waitFor(`${service} health`, async () =>
        (await grpcHealth(this.grpcAddress(service))) === 'SERVING' ? true : undefined,
      );
    }
  }

  pid(service: ServiceName): number {
    const pid = this.running.get(service)?.child.pid;
    if (pid === undefined) throw new Error(`${service} is not running`);
    return pid;
  }

  /** Sends a signal; with SIGTERM or SIGKILL, resolves with the exit code once the process is gone. */
  async signal(service: ServiceName, signal: NodeJS.Signals): Promise<number | null | undefined> {
    const running = this.running.get(service);
    if (!running) return undefined;
    running.child.kill(signal);
    if (signal !== 'SIGTERM' && signal !== 'SIGKILL') return undefined;
    const code = await running.exited;
    running.log.end();
    this.running.delete(service);
    return code;
  }

  logFile(service: ServiceName): string {
    return join(this.logDir, `${service}.log`);
  }

  /** The JSON log lines a service wrote so far. */
  logLines(service: ServiceName): Record<string, unknown>[] {
    if (!existsSync(this.logFile(service))) return [];
    return readFileSync(this.logFile(service), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Stops everything gracefully (gateway first), killing what does not stop in time. */
  async stop(): Promise<void> {
    const order: ServiceName[] = ['gateway', ...this.services];
    for (const service of order) {
      const running = this.running.get(service);
      if (!running) continue;
      const timer = setTimeout(() => running.child.kill('SIGKILL'), 20_000);
      await this.signal(service, 'SIGTERM');
      clearTimeout(timer);
    }
  }

  private entry(service: ServiceName): string {
    return join(REPO_ROOT, 'dist', 'apps', service, 'main.js');
  }
}
