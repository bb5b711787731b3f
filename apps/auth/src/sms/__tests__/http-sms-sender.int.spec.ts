import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsSender } from '../http-sms-sender';
import { SmsSendError } from '../sms-sender';
import { smsSenderContract } from './sms-sender.contract';

interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** A local stand-in for the SMS provider: records every call, answers as told. */
class ProviderStub {
  readonly calls: RecordedCall[] = [];
  behaviour: Behaviour = (_req, res) => res.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"accepted"}');
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.calls.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        this.behaviour(req, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  hang(): void {
    this.behaviour = (_req, res) => this.hanging.add(res);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

smsSenderContract('HttpSmsSender', async () => {
  const stub = new ProviderStub();
  const base = await stub.start();
  return {
    sender: new HttpSmsSender({ url: `${base}/v1/messages`, token: 'test-token' }),
    received: async () => stub.calls.map((call) => JSON.parse(call.body) as { to: string; body: string }),
    breakProvider: async () => {
      stub.behaviour = (_req, res) => res.writeHead(503).end('provider down');
    },
    close: () => stub.stop(),
  };
});

describe('HttpSmsSender', () => {
  let stub: ProviderStub;
  let base: string;
  const message = { to: '+8801712345678', body: 'Your CashierAI code is 123456. It expires in 5 minutes.', challengeId: 'c-1' };

  beforeEach(async () => {
    stub = new ProviderStub();
    base = await stub.start();
  });
  afterEach(() => stub.stop());

  it('POSTs JSON {to, body} with the bearer token, and nothing else', async () => {
    await new HttpSmsSender({ url: `${base}/v1/messages`, token: 'secret-token' }).send(message);
    expect(stub.calls).toHaveLength(1);
    const [call] = stub.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(call.headers.authorization).toBe('Bearer secret-token');
    expect(call.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual({ to: message.to, body: message.body });
  });

  it('does not follow a redirect', async () => {
    stub.behaviour = (req, res) => {
      if (req.url === '/v1/messages') res.writeHead(307, { location: `${base}/elsewhere` }).end();
      else res.writeHead(200).end();
    };
    const error = await new HttpSmsSender({ url: `${base}/v1/messages`, token: 't' }).send(message).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).toMatch(/^SMS provider unreachable: .*redirect/);
    expect(stub.calls.map((call) => call.path)).toEqual(['/v1/messages']);
  });

  it('treats any non-2xx answer as a failure, without quoting the answer', async () => {
    stub.behaviour = (_req, res) => res.writeHead(400).end('UPSTREAM-SECRET-DETAIL');
    const error = await new HttpSmsSender({ url: `${base}/v1/messages`, token: 't' }).send(message).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).toBe('SMS provider answered HTTP 400');
  });

  it('gives up after its timeout', async () => {
    stub.hang();
    const error = await new HttpSmsSender({ url: `${base}/v1/messages`, token: 't', timeoutMs: 200 }).send(message).catch((e: Error) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as Error).message).toBe('SMS provider timed out after 200 ms');
  });

  it('reports an unreachable provider', async () => {
    await stub.stop();
    await expect(new HttpSmsSender({ url: `${base}/v1/messages`, token: 't' }).send(message)).rejects.toThrow(/unreachable/);
  });
});
