import { join } from 'node:path';
import { Pool } from 'pg';
import { databaseUrl, LocalSystem, REPO_ROOT, waitFor } from '@cashier/testing';
import { Api, type Actor } from './support/api';
import { signIn, teamOfThree, type TestTeam } from './support/people';

// POST /v1/transactions/export through the gateway, with every service as its own process:
// the gateway streams what the transactions service streams over gRPC, as CSV or JSON.
const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e-export'),
  env: { gateway: { TRUST_PROXY_HOPS: '1' } },
});
let api: Api;
let ledger: Pool;
let team: TestTeam;
const created: string[] = [];

const BULK_ROWS = 1_100;

/**
 * Rows straight into the ledger table, as a bulk import would write them: the gateway's
 * rate limit makes a thousand POSTs from one client impractical here, and the export must
 * cross several 500-row chunks.
 */
async function bulkInsert(teamId: string, userId: string, count: number): Promise<void> {
  await ledger.query(
    `INSERT INTO transactions (id, team_id, type, amount_minor, currency_code, occurred_at, created_by, updated_by, direction, description)
     SELECT gen_random_uuid(), $1, 'expense', 100 + g, 'USD', timestamptz '2026-10-01T00:00:00Z' + g * interval '1 minute', $2, $2, -1, 'bulk ' || g
       FROM generate_series(1, $3) g`,
    [teamId, userId, count],
  );
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...fields, field]);
      fields = [];
      field = '';
      i++;
    } else field += char;
  }
  return records;
}

const exportOf = (who: Actor | undefined, body: unknown) => api.post('/v1/transactions/export', who, body);

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  ledger = new Pool({ connectionString: databaseUrl('cashier_transactions'), max: 2 });
  team = await teamOfThree(api, system.smsSinkFile);
  const entries = [
    { type: 'expense', amount: '12.50', payee: '=HYPERLINK("http://evil.example","win")', description: 'lunch, with "friends"\nand more' },
    { type: 'income', amount: '1000.00', payee: 'Employer', description: 'salary', tags: ['work', 'monthly'] },
    { type: 'income', amount: '20.00', payee: '@home', description: '-refund' },
    { type: 'expense', amount: '3.10', payee: 'Agora', description: 'tea', tags: ['food'] },
  ];
  for (const entry of entries) {
    const response = await api.post('/v1/transactions', team.cashier, { currency: 'USD', occurred_at: '2026-11-20T10:00:00Z', ...entry });
    expect(response.status).toBe(201);
    created.push(response.body.id);
  }
  await bulkInsert(team.teamId, team.cashier.userId, BULK_ROWS);
}, 180_000);

afterAll(async () => {
  await ledger?.end();
  await system.stop();
});

describe('exporting transactions', () => {
  it('CSV by default: a header, every transaction once across chunks, typed text quoted and defused', async () => {
    const response = await exportOf(team.cashier, {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="transactions-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...records] = parseCsv(response.body as string);
    expect(header.slice(0, 4)).toEqual(['id', 'occurred_at', 'type', 'amount']);
    expect(records).toHaveLength(BULK_ROWS + created.length);
    const ids = records.map((record) => record[0]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(created));

    const row = (id: string) => Object.fromEntries(header.map((name, i) => [name, records.find((record) => record[0] === id)![i]]));
    expect(row(created[0])).toMatchObject({
      type: 'expense',
      amount: '12.50',
      currency: 'USD',
      payee: `'=HYPERLINK("http://evil.example","win")`,
      description: 'lunch, with "friends"\nand more',
      created_by: team.cashier.userId,
    });
    expect(row(created[1])).toMatchObject({ type: 'income', amount: '1000.00', tags: 'work;monthly' });
    expect(row(created[2])).toMatchObject({ payee: "'@home", description: "'-refund" });
  });

  it('JSON with a filter: one array of the matching transactions, in the API shape', async () => {
    const response = await exportOf(team.observer, { format: 'json', type: ['income'], currency: 'USD', min_amount: '15.00' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/\.json"$/);
    expect((response.body as { id: string }[]).map((t) => t.id).sort()).toEqual([created[1], created[2]].sort());
    const single = await api.get(`/v1/transactions/${created[1]}`, team.observer);
    expect(response.body.find((t: { id: string }) => t.id === created[1])).toEqual(single.body);

    const all = await exportOf(team.observer, { format: 'json' });
    expect(all.body).toHaveLength(BULK_ROWS + created.length);
  });

  it('an empty result is a header or an empty array', async () => {
    const csv = await exportOf(team.cashier, { q: 'nothing matches this' });
    expect(parseCsv(csv.body as string)).toHaveLength(1);
    const json = await exportOf(team.cashier, { q: 'nothing matches this', format: 'json' });
    expect([json.status, json.body]).toEqual([200, []]);
  });

  it('outsiders get 404 like every team route, strangers 401, bad filters a 400 problem', async () => {
    const outsider = await signIn(api, system.smsSinkFile);
    const foreign = await exportOf({ ...outsider, teamId: team.teamId }, {});
    expect([foreign.status, foreign.headers.get('content-type')]).toEqual([404, 'application/problem+json; charset=utf-8']);
    expect((await exportOf({ accessToken: '', teamId: team.teamId }, {})).status).toBe(401);

    for (const [body, field] of [
      [{ min_amount: '1.00' }, 'currency'],
      [{ format: 'xlsx' }, 'format'],
      [{ type: ['lunch'] }, 'type'],
      [{ cursor: 'x' }, 'cursor'],
      // Passes the gateway, refused by the service before its first chunk: still a problem answer.
      [{ category_id: ['not-a-uuid'] }, 'category_id'],
    ] as const) {
      const refused = await exportOf(team.cashier, body);
      expect({ body, status: refused.status, type: refused.headers.get('content-type'), fields: refused.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        body,
        status: 400,
        type: 'application/problem+json; charset=utf-8',
        fields: [field],
      });
    }
  });

  it('a client that goes away mid-download cancels the export in the transactions service', async () => {
    const big = await teamOfThree(api, system.smsSinkFile);
    await bulkInsert(big.teamId, big.cashier.userId, 60_000);
    const abort = new AbortController();
    const response = await fetch(`${system.gatewayUrl}/v1/transactions/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${big.observer.accessToken}`, 'x-team-id': big.teamId, 'content-type': 'application/json' },
      body: '{}',
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    await waitFor('the export to be cancelled', async () =>
      system
        .logLines('transactions')
        .some((line) => line.msg === 'call cancelled by the client' && line.teamId === big.teamId && line.method === 'ExportTransactions')
        ? true
        : undefined,
    );
  });
});
