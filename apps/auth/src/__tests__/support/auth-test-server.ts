import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Metadata, type Server, type ServiceError as GrpcError } from '@grpc/grpc-js';
import type { JSONWebKeySet } from 'jose';
import { Client, type Pool } from 'pg';
import {
  AuthServiceClient,
  AuthServiceService,
  type RequestOtpRequest,
  type RequestOtpResponse,
  type TokenPair,
  type VerifyOtpRequest,
  type VerifyOtpResponse,
} from '@cashier/contracts/cashier/auth/v1/auth';
import {
  CONTEXT_METADATA_KEY,
  ContextTokenSigner,
  ContextTokenVerifier,
  generateContextKeyPair,
  type InternalContext,
} from '@cashier/auth-context';
import { createPool, migrate } from '@cashier/db';
import { bindServer, callUnary, createClient, createGrpcServer, REQUEST_ID_KEY, stopServer } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { databaseUrl, scratchDatabase } from '@cashier/testing';
import { randomInt } from 'node:crypto';
import { createAuthService, type AuthService } from '../../auth-service';
import { loadAuthConfig, type AuthConfig } from '../../config';
import { createPrisma, type AuthPrisma } from '../../db/create-prisma';
import type { SmsMessage, SmsSender } from '../../sms/sms-sender';

export const TEST_OTP_PEPPER = 'integration-test-otp-pepper-0123456789';
export const TEST_SIGNING_KEYS_SECRET = 'integration-test-signing-keys-secret-0123456789';
const MIGRATIONS = join(__dirname, '..', '..', '..', 'prisma', 'migrations');

/** A clock the test moves by hand: expiry and rate-limit windows without sleeping. */
export class TestClock {
  private at = Date.now();
  readonly now = (): Date => new Date(this.at);
  advance(seconds: number): void {
    this.at += seconds * 1000;
  }
}

/** The SMS provider of the tests: keeps every message. */
export class RecordingSmsSender implements SmsSender {
  readonly name = 'recording';
  readonly messages: SmsMessage[] = [];
  async send(message: SmsMessage): Promise<void> {
    this.messages.push(message);
  }
  codeOf(challengeId: string): string {
    const message = this.messages.find((m) => m.challengeId === challengeId);
    const code = message && /code is (\d{6})\./.exec(message.body)?.[1];
    if (!code) throw new Error(`no SMS for challenge ${challengeId}`);
    return code;
  }
  sentTo(phone: string): SmsMessage[] {
    return this.messages.filter((m) => m.to === phone);
  }
}

/** Every line the service logged, raw, as pino wrote it. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      this.lines.push(chunk.toString());
      done();
    },
  });
  parsed(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** A random mobile number in Bangladesh, E.164. */
export function randomPhone(): string {
  return `+8801${randomInt(3, 10)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** A random private IPv4 address, so tests do not share per-address send caps. */
export function randomIp(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** Another valid-looking code than `code`. */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

export interface CallAs {
  userId: string;
  sessionId?: string;
}

/** The gRPC error a call was rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<GrpcError> {
  try {
    await promise;
  } catch (error) {
    if ((error as GrpcError).code !== undefined) return error as GrpcError;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export function errorCodeOf(error: GrpcError): string | undefined {
  return error.metadata?.get('x-error-code')[0] as string | undefined;
}

/**
 * The auth service on a random loopback port, in its own scratch database (migrated with
 * the real migrations), called through a real gRPC client with gateway-signed context
 * tokens; a movable clock, a recording SMS provider and captured logs.
 */
export class AuthTestServer {
  readonly clock = new TestClock();
  readonly sms = new RecordingSmsSender();
  readonly logs = new LogCapture();
  pool!: Pool;
  prisma!: AuthPrisma;
  auth!: AuthService;
  config!: AuthConfig;
  private server!: Server;
  private client!: AuthServiceClient;
  private signer!: ContextTokenSigner;

  constructor(
    readonly database: string,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<this> {
    const scratch = await scratchDatabase(this.database, 'SELECT 1');
    await scratch.end();
    await migrate(databaseUrl(this.database), MIGRATIONS);
    this.pool = createPool({ url: databaseUrl(this.database), applicationName: 'auth-test', max: 12 });
    this.prisma = createPrisma(this.pool);
    const keys = await generateContextKeyPair();
    this.signer = await ContextTokenSigner.fromJwk(keys.privateJwk);
    this.config = loadAuthConfig({ OTP_PEPPER: TEST_OTP_PEPPER, SIGNING_KEYS_SECRET: TEST_SIGNING_KEYS_SECRET, ...this.env });
    this.auth = await createAuthService({
      config: this.config,
      prisma: this.prisma,
      verifier: await ContextTokenVerifier.fromJwk(keys.publicJwk, 'auth'),
      logger: createLogger('auth', 'debug', this.logs.stream),
      clock: this.clock.now,
      smsSender: this.sms,
      smsRetryDelaysMs: [1, 1],
    });
    this.server = createGrpcServer();
    this.server.addService(AuthServiceService, this.auth.handlers);
    const port = await bindServer(this.server, '127.0.0.1', 0);
    this.client = createClient(AuthServiceClient, `127.0.0.1:${port}`);
    return this;
  }

  async stop(): Promise<void> {
    this.client?.close();
    if (this.server) await stopServer(this.server, 1_000);
    this.auth?.stop();
    await this.prisma?.$disconnect();
    await this.pool?.end();
    const admin = new Client({ connectionString: databaseUrl('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${this.database}" WITH (FORCE)`).finally(() => admin.end());
  }

  /** Metadata as the gateway sends it: a request id and a context token for audience "auth". */
  async metadata(as?: CallAs): Promise<Metadata> {
    const context: InternalContext = { requestId: `req-${uuidv7()}`, userId: as?.userId, sessionId: as?.sessionId };
    const metadata = new Metadata();
    metadata.set(REQUEST_ID_KEY, context.requestId);
    metadata.set(CONTEXT_METADATA_KEY, await this.signer.sign(context, 'auth'));
    return metadata;
  }

  async requestOtp(request: Partial<RequestOtpRequest> & { phone: string }): Promise<RequestOtpResponse> {
    const full = { defaultRegion: '', clientIp: randomIp(), ...request };
    return callUnary(this.client, this.client.requestOtp, full, await this.metadata(), 5_000);
  }

  async verifyOtp(request: Partial<VerifyOtpRequest> & { challengeId: string; code: string }): Promise<VerifyOtpResponse> {
    const full = { deviceName: 'test phone', clientIp: '203.0.113.9', ...request };
    return callUnary(this.client, this.client.verifyOtp, full, await this.metadata(), 10_000);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const response = await callUnary(this.client, this.client.refresh, { refreshToken }, await this.metadata(), 10_000);
    return response.tokens!;
  }

  async logout(as: CallAs): Promise<void> {
    await callUnary(this.client, this.client.logout, {}, await this.metadata(as), 5_000);
  }

  async listSessions(as: CallAs) {
    return (await callUnary(this.client, this.client.listSessions, {}, await this.metadata(as), 5_000)).sessions;
  }

  async revokeSession(as: CallAs, sessionId: string): Promise<void> {
    await callUnary(this.client, this.client.revokeSession, { sessionId }, await this.metadata(as), 5_000);
  }

  async jwks(): Promise<JSONWebKeySet> {
    const response = await callUnary(this.client, this.client.getJwks, {}, await this.metadata(), 5_000);
    return JSON.parse(response.jwksJson) as JSONWebKeySet;
  }

  /** Calls without any context token, as a peer that is not the gateway would. */
  async listSessionsWithoutContext(): Promise<unknown> {
    return callUnary(this.client, this.client.listSessions, {}, new Metadata(), 5_000);
  }

  /** The code the SMS for a challenge carried (waits for the background sender). */
  async codeOf(challengeId: string): Promise<string> {
    await this.auth.sms.idle();
    return this.sms.codeOf(challengeId);
  }

  /** Request a code, read it from the SMS, verify it: a signed-in session. */
  async signIn(phone = randomPhone(), deviceName = 'test phone'): Promise<VerifyOtpResponse & { phone: string }> {
    const { challengeId } = await this.requestOtp({ phone });
    const response = await this.verifyOtp({ challengeId, code: await this.codeOf(challengeId), deviceName });
    return { ...response, phone };
  }

  async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }
}

export async function startAuthTestServer(database: string, env: Record<string, string> = {}): Promise<AuthTestServer> {
  return new AuthTestServer(database, env).start();
}
