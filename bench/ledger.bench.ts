// POST /v1/transactions and a filtered GET /v1/transactions through the whole stack
// (gateway -> gRPC -> transactions -> PostgreSQL, with a real access token and team
// check), next to a bare Express + pg route doing the same single insert / select with
// nothing in between. Same machine, same run.
// POST runs twice through the stack: every request into one team (a team's ledger writes
// are serialised at their tail, see apps/transactions/README.md), and spread round-robin
// over as many signed-in people, each with a team of their own, as there are connections.
// The bare table has the same index for the listing as the real one (team_id,
// occurred_at, id), so both sides can answer ORDER BY occurred_at DESC, id DESC LIMIT 50
// from the index.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import express from 'express';
import { Pool } from 'pg';
import { databaseUrl, LocalSystem, REPO_ROOT } from '@cashier/testing';
import { Api } from '../e2e/support/api';
import { createTeam, signIn, type Person } from '../e2e/support/people';
import { load, printTable } from './load';

const BARE_TABLE = `CREATE TABLE IF NOT EXISTS bench_bare_transactions (
  id uuid PRIMARY KEY, team_id uuid NOT NULL, type text NOT NULL, amount_minor bigint NOT NULL,
  currency_code char(3) NOT NULL, occurred_at timestamptz NOT NULL, description text NOT NULL,
  created_by uuid NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`;
// As transactions_team_id_occurred_at_id_idx: read backwards for the newest-first listing.
const BARE_INDEXES = [
  'DROP INDEX IF EXISTS bench_bare_team_occurred',
  'CREATE INDEX IF NOT EXISTS bench_bare_team_occurred_id ON bench_bare_transactions (team_id, occurred_at, id)',
];

/** The baseline: one Express route, one pg pool, one statement. */
async function serveBare(): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl('cashier_transactions'), max: 10 });
  await pool.query(BARE_TABLE);
  // Earlier runs' rows belong to other (random) teams; dropping them keeps the table as small as a fresh one.
  await pool.query('TRUNCATE bench_bare_transactions');
  for (const sql of BARE_INDEXES) await pool.query(sql);
  const team = randomUUID();
  const user = randomUUID();
  const app = express();
  app.use(express.json());
  app.post('/transactions', async (req, res) => {
    const { rows } = await pool.query(
      `INSERT INTO bench_bare_transactions (id, team_id, type, amount_minor, currency_code, occurred_at, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [randomUUID(), team, req.body.type, 1250n.toString(), req.body.currency, req.body.occurred_at, req.body.description, user],
    );
    res.status(201).json({ ...rows[0], amount: '12.50' });
  });
  app.get('/transactions', async (req, res) => {
    const { rows } = await pool.query(
      `SELECT * FROM bench_bare_transactions WHERE team_id = $1 AND occurred_at >= $2 AND occurred_at < $3
       ORDER BY occurred_at DESC, id DESC LIMIT 50`,
      [team, req.query.from, req.query.to],
    );
    res.json({ transactions: rows });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  parentPort!.postMessage((server.address() as AddressInfo).port);
}

const body = () =>
  JSON.stringify({ type: 'expense', amount: '12.50', currency: 'USD', occurred_at: '2026-11-20T10:00:00Z', description: 'bench' });

/** As many people as connections, each signed in with a team of their own (a few at a time). */
async function teamsOfTheirOwn(api: Api, smsFile: string, count: number): Promise<{ person: Person; teamId: string }[]> {
  const teams: { person: Person; teamId: string }[] = [];
  while (teams.length < count) {
    const batch = Math.min(8, count - teams.length);
    teams.push(
      ...(await Promise.all(
        Array.from({ length: batch }, async (_, i) => {
          const person = await signIn(api, smsFile);
          return { person, teamId: await createTeam(api, person, `bench ${teams.length + i}`) };
        }),
      )),
    );
  }
  return teams;
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
  const system = new LocalSystem({
    services: ['auth', 'user-team', 'transactions', 'billing'],
    portOffset: 5_000,
    logDir: join(REPO_ROOT, 'var', 'log', 'bench'),
    env: {
      gateway: { RATE_LIMIT_PER_MINUTE: '100000000', TRUST_PROXY_HOPS: '1', LOG_LEVEL: 'warn' },
      transactions: { LOG_LEVEL: 'warn' },
      'user-team': { LOG_LEVEL: 'warn' },
      billing: { LOG_LEVEL: 'warn' },
    },
  });
  await system.start();
  const worker = new Worker(__filename);
  try {
    const barePort = await new Promise<number>((resolve) => worker.once('message', resolve));
    const bare = `http://127.0.0.1:${barePort}`;
    const api = new Api(system.gatewayUrl);
    const person = await signIn(api, system.smsSinkFile);
    const teamId = await createTeam(api, person, 'bench');
    const full = system.gatewayUrl;
    const auth = { authorization: `Bearer ${person.accessToken}`, 'x-team-id': teamId, 'content-type': 'application/json' };
    const json = { 'content-type': 'application/json' };
    const query = 'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&limit=50';
    const teams = await teamsOfTheirOwn(api, system.smsSinkFile, connections);
    const rotateHeaders = teams.map(({ person: p, teamId: t }) => ({ authorization: `Bearer ${p.accessToken}`, 'x-team-id': t }));

    await load({ name: 'warm-up', url: `${full}/v1/transactions`, method: 'POST', headers: auth, body, seconds: 3, connections });
    await load({ name: 'warm-up', url: `${full}/v1/transactions`, method: 'POST', headers: json, rotateHeaders, body, seconds: 2, connections });
    await load({ name: 'warm-up', url: `${bare}/transactions`, method: 'POST', headers: json, body, seconds: 2, connections });
    const barePost = await load({ name: 'bare Express + pg: insert', url: `${bare}/transactions`, method: 'POST', headers: json, body, seconds, connections });
    const fullPost = await load({ name: 'CashierAI: POST, all into 1 team', url: `${full}/v1/transactions`, method: 'POST', headers: auth, body, seconds, connections });
    const spreadPost = await load({
      name: `CashierAI: POST, over ${teams.length} teams`,
      url: `${full}/v1/transactions`,
      method: 'POST',
      headers: json,
      rotateHeaders,
      body,
      seconds,
      connections,
    });
    printTable(`insert one transaction (${connections} connections, ${seconds} s each)`, barePost, [fullPost, spreadPost]);

    const bareGet = await load({ name: 'bare Express + pg: filtered select', url: `${bare}/transactions?${query}`, seconds, connections });
    const fullGet = await load({ name: 'CashierAI: GET /v1/transactions?from&to', url: `${full}/v1/transactions?${query}`, headers: auth, seconds, connections });
    printTable(`list a month, 50 rows (${connections} connections, ${seconds} s each)`, bareGet, [fullGet]);
  } finally {
    await worker.terminate();
    await system.stop();
  }
}

const run = isMainThread ? main() : serveBare();
run.catch((error) => {
  console.error(error);
  process.exit(1);
});
