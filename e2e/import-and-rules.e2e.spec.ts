import { join } from 'node:path';
import { formatMoney } from '@cashier/money';
import { LocalSystem, REPO_ROOT } from '@cashier/testing';
import { Api, type Actor } from './support/api';
import { signIn, createTeam, teamOfThree, type TestTeam } from './support/people';

const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e-import'),
  env: { gateway: { TRUST_PROXY_HOPS: '1' } },
});
let api: Api;
let team: TestTeam;

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  team = await teamOfThree(api, system.smsSinkFile);
}, 180_000);

afterAll(() => system.stop());

async function account(who: Actor, currency = 'USD'): Promise<string> {
  const created = await api.post('/v1/accounts', who, { name: 'Bank', kind: 'bank', currency });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function category(who: Actor, name: string, kind = 'expense'): Promise<string> {
  const created = await api.post('/v1/categories', who, { name, kind });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('auto-categorisation rules', () => {
  it('fill in the category and tags of new transactions; observers read them; other teams never see them', async () => {
    const fuel = await category(team.admin, 'Fuel');
    const bankId = await account(team.admin);
    expect((await api.post('/v1/category-rules', team.observer, { payee_contains: 'padma oil', category_id: fuel })).status).toBe(403);
    const rule = await api.post('/v1/category-rules', team.cashier, { payee_contains: 'Padma Oil', category_id: fuel, tags: ['car'] });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ payee_contains: 'Padma Oil', category_id: fuel, tags: ['car'], position: 0, version: 1 });

    const created = await api.post('/v1/transactions', team.cashier, {
      type: 'expense',
      amount: '40.00',
      currency: 'USD',
      occurred_at: '2026-11-20T10:00:00Z',
      account_id: bankId,
      payee: 'PADMA OIL pump 7',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ category_id: fuel, tags: ['car'] });

    expect((await api.get('/v1/category-rules', team.observer)).body.rules.map((r: { id: string }) => r.id)).toEqual([rule.body.id]);
    const stale = await api.patch(`/v1/category-rules/${rule.body.id}`, team.cashier, { position: 3 }, { 'if-match': '"v9"' });
    expect(stale.status).toBe(412);
    const moved = await api.patch(`/v1/category-rules/${rule.body.id}`, team.cashier, { position: 3 }, { 'if-match': '"v1"' });
    expect(moved.body).toMatchObject({ position: 3, version: 2 });
    expect((await api.delete(`/v1/categories/${fuel}`, team.admin)).status).toBe(400);

    const stranger = await signIn(api, system.smsSinkFile);
    const otherTeam = { ...stranger, teamId: await createTeam(api, stranger, 'Other family') };
    expect((await api.get('/v1/category-rules', otherTeam)).body.rules).toEqual([]);
    expect((await api.patch(`/v1/category-rules/${rule.body.id}`, otherTeam, { position: 1 })).status).toBe(404);
    expect((await api.delete(`/v1/category-rules/${rule.body.id}`, otherTeam)).status).toBe(404);
    expect((await api.post('/v1/category-rules', team.cashier, { payee_contains: 'x' })).status).toBe(400);
    expect((await api.delete(`/v1/category-rules/${rule.body.id}`, team.cashier)).status).toBe(204);
  });
});

describe('importing a bank statement', () => {
  const LINES = 10_000;

  /** Line i+2 of the file (after the header): a bad line every 500th, the others alternate out and in. */
  function statement(): { csv: string; bad: number[]; balanceMinor: bigint } {
    const rows = ['Date,Description,Amount,Payee'];
    const bad: number[] = [];
    let balanceMinor = 0n;
    for (let i = 0; i < LINES; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const minor = BigInt((i * 37) % 100_000) + 1n;
      const signed = i % 3 === 0 ? minor : -minor;
      if (i % 500 === 499) {
        rows.push(`2026-10-${day},broken line ${i},12.345,Shop ${i}`);
        bad.push(i + 2);
        continue;
      }
      rows.push(`2026-10-${day},"Purchase ${i}, card",${formatMoney({ amountMinor: signed, currencyCode: 'USD' })},Shop ${i % 250}`);
      balanceMinor += signed;
    }
    return { csv: rows.join('\n'), bad, balanceMinor };
  }

  it('10,000 lines: a dry run writes nothing, the import takes the good lines and reports the bad, a re-import adds nothing', async () => {
    const bankId = await account(team.admin);
    const { csv, bad, balanceMinor } = statement();
    const body = { account_id: bankId, csv, mapping: { date: 'Date', amount: 'Amount', payee: 'Payee', description: 'Description' } };

    const dryRun = await api.post('/v1/transactions/import', team.cashier, { ...body, dry_run: true });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body).toMatchObject({ dry_run: true, lines: LINES, new: LINES - bad.length, imported: 0, duplicates: 0, rejected: bad.length });
    expect(dryRun.body.preview).toHaveLength(20);
    expect(dryRun.body.preview[0]).toMatchObject({ line: 2, type: 'income', amount: '0.01', currency: 'USD', payee: 'Shop 0', description: 'Purchase 0, card' });
    expect((await api.get(`/v1/accounts/${bankId}`, team.observer)).body.balance).toBe('0.00');

    expect((await api.post('/v1/transactions/import', team.observer, body)).status).toBe(403);

    const imported = await api.post('/v1/transactions/import', team.cashier, body);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ dry_run: false, imported: LINES - bad.length, duplicates: 0, rejected: bad.length });
    expect(imported.body.rejected_lines.map((r: { line: number }) => r.line)).toEqual(bad);
    expect(imported.body.rejected_lines[0].reason).toBe('USD has 2 decimal places; "12.345" has 3');
    expect((await api.get(`/v1/accounts/${bankId}`, team.observer)).body.balance).toBe(formatMoney({ amountMinor: balanceMinor, currencyCode: 'USD' }));
    const listed = await api.get(`/v1/transactions?account_id=${bankId}&payee=Shop%2042&limit=200`, team.observer);
    expect(listed.body.transactions.length).toBe(40);
    expect(listed.body.transactions.every((t: { source: string }) => t.source === 'import')).toBe(true);

    const again = await api.post('/v1/transactions/import', team.cashier, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ imported: 0, new: 0, duplicates: LINES - bad.length, rejected: bad.length });
    expect((await api.get(`/v1/accounts/${bankId}`, team.observer)).body.balance).toBe(formatMoney({ amountMinor: balanceMinor, currencyCode: 'USD' }));
  }, 180_000);

  it('all or nothing refuses a file with a bad line as 422 with the report, and bad requests are 400/404', async () => {
    const bankId = await account(team.admin);
    const csv = 'Date,Amount,Payee\n2026-11-01,-5.00,A\n2026-11-01,five,B\n';
    const mapping = { date: 'Date', amount: 'Amount', payee: 'Payee' };
    const refused = await api.post('/v1/transactions/import', team.cashier, { account_id: bankId, csv, mapping, all_or_nothing: true });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'TRANSACTIONS_IMPORT_REJECTED', imported: 0, rejected: 1, rejected_lines: [{ line: 3 }] });
    expect((await api.get(`/v1/accounts/${bankId}`, team.observer)).body.balance).toBe('0.00');

    const noColumn = await api.post('/v1/transactions/import', team.cashier, { account_id: bankId, csv, mapping: { ...mapping, payee: 'Who' } });
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.errors).toEqual([{ field: 'mapping.payee', message: 'the header has no column "Who"' }]);
    expect((await api.post('/v1/transactions/import', team.cashier, { account_id: bankId, csv, mapping: { amount: 'Amount' } })).status).toBe(400);
    const stranger = await signIn(api, system.smsSinkFile);
    const otherTeam = { ...stranger, teamId: await createTeam(api, stranger, 'Other family') };
    expect((await api.post('/v1/transactions/import', otherTeam, { account_id: bankId, csv, mapping })).status).toBe(404);
  });
});
