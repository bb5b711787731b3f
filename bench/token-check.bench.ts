// The gateway's access-token check (ES256 verify + session denylist), on a route
// otherwise identical to a route without it, measured in the same run.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import { createLogger } from '@cashier/logger';
import { authenticate } from '../apps/gateway/src/http/authenticate';
import { AccessTokenVerifier } from '../apps/gateway/src/identity/access-token-verifier';
import { SessionDenylist } from '../apps/gateway/src/identity/session-denylist';
import { load, printTable } from './load';

async function main(): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' }] };
  const token = await new SignJWT({ sid: 'bench-session' })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench', typ: 'at+jwt' })
    .setIssuer('cashier-auth')
    .setAudience('cashier-api')
    .setSubject('bench-user')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);

  // The server runs in its own thread: the load generator must not share its event loop.
  const worker = new Worker(__filename, { workerData: { jwks } });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  const base = `http://127.0.0.1:${port}`;

  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  await load({ name: 'warm-up', url: `${base}/authed`, headers: { authorization: `Bearer ${token}` }, seconds: 2 });
  const plain = await load({ name: 'same route, no auth', url: `${base}/plain`, seconds });
  const authed = await load({ name: 'with access-token check', url: `${base}/authed`, headers: { authorization: `Bearer ${token}` }, seconds });
  printTable('gateway access-token check (32 connections)', plain, [authed]);
  await worker.terminate();
}

async function serve(jwks: JSONWebKeySet): Promise<void> {
  const verifier = new AccessTokenVerifier({
    issuer: 'cashier-auth',
    audience: 'cashier-api',
    refreshCooldownMs: 30_000,
    logger: createLogger('bench', 'silent'),
    fetchJwks: async () => jwks,
  });
  await verifier.warmUp();
  const app = express();
  const handler: express.RequestHandler = (_req, res) => {
    res.json({ ok: true });
  };
  app.get('/plain', handler);
  app.get('/authed', authenticate(verifier, new SessionDenylist(60_000)), handler);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  parentPort!.postMessage((server.address() as AddressInfo).port);
}

const run = isMainThread ? main() : serve((workerData as { jwks: JSONWebKeySet }).jwks);
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
