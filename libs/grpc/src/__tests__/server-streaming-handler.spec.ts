import { EventEmitter } from 'node:events';
import { Metadata, status, type ServerWritableStream } from '@grpc/grpc-js';
import {
  CONTEXT_METADATA_KEY,
  ContextTokenSigner,
  ContextTokenVerifier,
  generateContextKeyPair,
  type InternalContext,
} from '@cashier/auth-context';
import { createLogger } from '@cashier/logger';
import { ERROR_CODE_KEY, REQUEST_ID_KEY } from '../metadata-keys';
import { serverStreamingHandler, type StreamScope } from '../server-streaming-handler';
import { ServiceError } from '../service-error';

/** A stand-in for grpc-js's server stream: records what is written, refuses more while "full". */
class FakeCall extends EventEmitter {
  readonly written: number[] = [];
  cancelled = false;
  destroyed = false;
  full = false;
  ended = false;
  failure: { code?: number; details?: string; metadata?: Metadata } | undefined;

  constructor(
    readonly metadata: Metadata,
    readonly request: { count: number },
  ) {
    super();
    this.on('error', (error) => (this.failure = error));
  }

  write(message: number): boolean {
    this.written.push(message);
    return !this.full;
  }

  end(): void {
    this.ended = true;
  }

  cancel(): void {
    this.cancelled = true;
    this.emit('cancelled', 'cancelled');
    this.destroyed = true;
    this.emit('close');
  }
}

const team: InternalContext = { requestId: 'req-1', userId: 'u1', teamId: 't1', role: 'observer' };
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await tick();
}

describe('server-streaming handler', () => {
  let signer: ContextTokenSigner;
  let verifier: ContextTokenVerifier;
  beforeAll(async () => {
    const keys = await generateContextKeyPair();
    signer = await ContextTokenSigner.fromJwk(keys.privateJwk);
    verifier = await ContextTokenVerifier.fromJwk(keys.publicJwk, 'transactions');
  });

  async function callWith(context: InternalContext | undefined, count = 3) {
    const metadata = new Metadata();
    if (context) metadata.set(CONTEXT_METADATA_KEY, await signer.sign(context, 'transactions'));
    if (context) metadata.set(REQUEST_ID_KEY, context.requestId);
    return new FakeCall(metadata, { count });
  }

  function run(call: FakeCall, body: (request: { count: number }, scope: StreamScope<number>) => Promise<void>) {
    const handler = serverStreamingHandler<{ count: number }, number>({ verifier, logger: createLogger('test', 'silent'), method: 'Count' }, body);
    handler(call as unknown as ServerWritableStream<{ count: number }, number>);
  }

  const countUp = async (request: { count: number }, { write }: StreamScope<number>) => {
    for (let i = 1; i <= request.count; i++) await write(i);
  };

  it('writes every message with the verified caller, then ends the call', async () => {
    const call = await callWith(team);
    let caller: unknown;
    run(call, async (request, scope) => {
      caller = scope.caller;
      await countUp(request, scope);
    });
    await until(() => call.ended);
    expect([call.written, call.ended, call.failure, caller]).toEqual([[1, 2, 3], true, undefined, team]);
  });

  it('waits for drain when the transport is full, and goes on after it', async () => {
    const call = await callWith(team);
    call.full = true;
    run(call, countUp);
    await until(() => call.written.length > 0);
    await tick();
    expect(call.written).toEqual([1]);
    call.full = false;
    call.emit('drain');
    await until(() => call.ended);
    expect([call.written, call.ended]).toEqual([[1, 2, 3], true]);
  });

  it('stops writing when the client cancels, without ending or failing the call', async () => {
    const call = await callWith(team, 100);
    call.full = true;
    run(call, countUp);
    await until(() => call.written.length > 0);
    call.cancel();
    await tick();
    expect([call.written, call.ended, call.failure]).toEqual([[1], false, undefined]);
  });

  it('ends a failed call with the ServiceError status, or a bare INTERNAL', async () => {
    const refused = await callWith(team);
    run(refused, async (_request, { write }) => {
      await write(1);
      throw ServiceError.invalid('TRANSACTIONS_INVALID_QUERY', 'bad filter');
    });
    await until(() => refused.failure !== undefined);
    expect([refused.written, refused.failure?.code, refused.failure?.details]).toEqual([[1], status.INVALID_ARGUMENT, 'bad filter']);
    expect(refused.failure?.metadata?.get(ERROR_CODE_KEY)).toEqual(['TRANSACTIONS_INVALID_QUERY']);

    const broken = await callWith(team);
    run(broken, async () => {
      throw new Error('connection string with a password');
    });
    await until(() => broken.failure !== undefined);
    expect([broken.failure?.code, broken.failure?.details]).toEqual([status.INTERNAL, 'internal error']);
  });

  it('refuses a call without a valid team context before running the handler', async () => {
    for (const context of [undefined, { requestId: 'req-2', userId: 'u1' }]) {
      const call = await callWith(context);
      let ran = false;
      run(call, async () => {
        ran = true;
      });
      await until(() => call.failure !== undefined);
      expect([call.failure?.code, ran, call.written]).toEqual([status.UNAUTHENTICATED, false, []]);
    }
  });
});
