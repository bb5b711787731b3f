import { Metadata, status, type Server } from '@grpc/grpc-js';
import {
  CONTEXT_METADATA_KEY,
  ContextTokenSigner,
  ContextTokenVerifier,
  generateContextKeyPair,
  type CallerContext,
} from '@cashier/auth-context';
import {
  LedgerExportServiceClient,
  LedgerExportServiceService,
  type ExportTransactionsChunk,
} from '@cashier/contracts/cashier/transactions/v1/ledger_export';
import { ListTransactionsRequest, TransactionType } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { bindServer, createClient, createGrpcServer, openServerStream, REQUEST_ID_KEY, stopServer } from '@cashier/grpc';
import { createLogger } from '@cashier/logger';
import type { TransactionsPrisma } from '../db/create-prisma';
import type { ListSort } from '../domain/list-cursor';
import { validateFilter, type FilterInput } from '../domain/transaction-filter';
import { ledgerExportHandlers } from '../grpc/export-handlers';
import { exportTransactions } from '../use-cases/export-transactions';
import { LedgerTestKit, newTeam } from './support/ledger-test-kit';

const NO_FILTER: FilterInput = {
  kinds: [],
  categoryIds: [],
  includeSubcategories: false,
  accountIds: [],
  tags: [],
  payee: '',
  currencyCode: '',
  text: '',
  createdBy: [],
};

const ORDER_SQL: Record<ListSort, string> = {
  occurred_at_desc: 'occurred_at DESC, id DESC',
  occurred_at_asc: 'occurred_at ASC, id ASC',
  amount_desc: 'amount_minor DESC, id DESC',
  amount_asc: 'amount_minor ASC, id ASC',
};

describe('exporting transactions', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(6);
  });
  afterAll(() => kit.close());

  /**
   * `count` rows straight into the table: a quarter income, a third in JPY, a fifth tagged
   * "trip", and only 97 distinct times and 37 distinct amounts, so pages end inside ties.
   */
  async function seed(team: CallerContext, count: number): Promise<void> {
    await kit.pool.query(
      `INSERT INTO transactions (id, team_id, type, amount_minor, currency_code, occurred_at, created_by, updated_by, direction, tags, description)
       SELECT gen_random_uuid(), $1,
              (CASE WHEN g % 4 = 0 THEN 'income' ELSE 'expense' END)::transaction_type,
              100 + g % 37,
              CASE WHEN g % 3 = 0 THEN 'JPY' ELSE 'USD' END,
              timestamptz '2026-11-01T00:00:00Z' + (g % 97) * interval '1 hour',
              $2, $2,
              CASE WHEN g % 4 = 0 THEN 1 ELSE -1 END,
              CASE WHEN g % 5 = 0 THEN ARRAY['trip'] ELSE ARRAY[]::text[] END,
              'row ' || g
         FROM generate_series(1, $3) g`,
      [team.teamId, team.userId, count],
    );
  }

  async function expected(teamId: string, where = 'TRUE', params: unknown[] = [], sort: ListSort = 'occurred_at_desc'): Promise<string[]> {
    const { rows } = await kit.pool.query(
      `SELECT id::text AS id FROM transactions
        WHERE team_id = $1 AND deleted_at IS NULL AND (${where}) ORDER BY ${ORDER_SQL[sort]}`,
      [teamId, ...params],
    );
    return rows.map((row: { id: string }) => row.id);
  }

  async function exported(who: CallerContext, filter: Partial<FilterInput> = {}, sort: ListSort = 'occurred_at_desc') {
    const pages: string[][] = [];
    for await (const page of exportTransactions(kit.prisma, who, validateFilter({ ...NO_FILTER, ...filter }), sort)) {
      pages.push(page.map((view) => view.row.id));
    }
    return { pages, ids: pages.flat() };
  }

  describe('the use case', () => {
    const team = newTeam();
    const other = newTeam();
    beforeAll(async () => {
      await seed(team.cashier, 1_234);
      await seed(other.cashier, 25);
    });

    it.each(['occurred_at_desc', 'amount_asc'] as const)(
      'walks more than 1,000 rows in pages of 500: every row exactly once, in the listing order (%s)',
      async (sort) => {
        const { pages, ids } = await exported(team.cashier, {}, sort);
        expect(pages.map((page) => page.length)).toEqual([500, 500, 234]);
        expect(new Set(ids).size).toBe(1_234);
        expect(ids).toEqual(await expected(team.teamId, 'TRUE', [], sort));
      },
    );

    it('applies the listing filters', async () => {
      const cases: [Partial<FilterInput>, string, unknown[]][] = [
        [{ kinds: ['income'] }, `type = 'income'`, []],
        [{ currencyCode: 'JPY', minAmountMinor: 110n, maxAmountMinor: 120n }, `currency_code = 'JPY' AND amount_minor BETWEEN 110 AND 120`, []],
        [{ tags: ['trip'] }, `'trip' = ANY(tags)`, []],
        [{ text: 'row 12' }, `description LIKE 'row 12%'`, []],
        [
          { occurredFrom: new Date('2026-11-02T00:00:00Z'), occurredTo: new Date('2026-11-03T00:00:00Z'), kinds: ['expense'] },
          `occurred_at >= $2 AND occurred_at < $3 AND type = 'expense'`,
          ['2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z'],
        ],
      ];
      for (const [filter, where, params] of cases) {
        const want = await expected(team.teamId, where, params);
        expect(want.length).toBeGreaterThan(0);
        expect({ filter, ids: (await exported(team.cashier, filter)).ids }).toEqual({ filter, ids: want });
      }
    });

    it('an observer exports; other teams never appear, deleted rows neither, and an empty team exports nothing', async () => {
      const byObserver = await exported(team.observer);
      expect(byObserver.ids).toHaveLength(1_234);
      const others = await exported(other.admin);
      expect(others.ids).toEqual(await expected(other.teamId));
      expect(others.ids.filter((id) => byObserver.ids.includes(id))).toEqual([]);

      const [gone] = others.ids;
      await kit.pool.query('UPDATE transactions SET deleted_at = now(), deleted_by = created_by WHERE id = $1', [gone]);
      expect((await exported(other.admin)).ids).not.toContain(gone);
      expect((await exported(newTeam().admin)).pages).toEqual([]);
    });
  });

  describe('over gRPC', () => {
    let server: Server;
    let client: LedgerExportServiceClient;
    let signer: ContextTokenSigner;
    /** Page queries the export has run so far (each reads up to 501 ids). */
    let pageQueries = 0;
    const logLines: { msg: string; method?: string; teamId?: string }[] = [];

    /** The test kit's Prisma, counting the listing's page queries. */
    function countingPrisma(prisma: TransactionsPrisma): TransactionsPrisma {
      return new Proxy(prisma, {
        get(target, property, receiver) {
          if (property !== '$queryRaw') return Reflect.get(target, property, receiver);
          return (strings: TemplateStringsArray, ...values: unknown[]) => {
            if (strings.join('').includes('FROM transactions t')) pageQueries += 1;
            return target.$queryRaw(strings, ...values);
          };
        },
      });
    }

    beforeAll(async () => {
      const keys = await generateContextKeyPair();
      signer = await ContextTokenSigner.fromJwk(keys.privateJwk);
      const verifier = await ContextTokenVerifier.fromJwk(keys.publicJwk, 'transactions');
      const logger = createLogger('transactions', 'info', { write: (line: string) => logLines.push(JSON.parse(line)) });
      server = createGrpcServer();
      server.addService(LedgerExportServiceService, ledgerExportHandlers({ prisma: countingPrisma(kit.prisma), verifier, logger }));
      const port = await bindServer(server, '127.0.0.1', 0);
      client = createClient(LedgerExportServiceClient, `127.0.0.1:${port}`);
    });
    afterAll(async () => {
      client?.close();
      if (server) await stopServer(server, 1_000);
    });

    async function open(who: CallerContext, filter: Partial<ListTransactionsRequest> = {}) {
      const metadata = new Metadata();
      metadata.set(REQUEST_ID_KEY, who.requestId);
      metadata.set(CONTEXT_METADATA_KEY, await signer.sign(who, 'transactions'));
      return openServerStream(
        client,
        client.exportTransactions,
        { filter: ListTransactionsRequest.fromPartial(filter) },
        metadata,
        { firstMessageMs: 10_000, totalMs: 60_000 },
      );
    }

    it('streams chunks of at most 500, every row once; a bad filter fails before the first chunk', async () => {
      const team = newTeam();
      await seed(team.cashier, 1_100);
      await seed(newTeam().cashier, 10);
      const chunks: ExportTransactionsChunk[] = [];
      for await (const chunk of (await open(team.observer)).messages) chunks.push(chunk);
      expect(chunks.map((chunk) => chunk.transactions.length)).toEqual([500, 500, 100]);
      const ids = chunks.flatMap((chunk) => chunk.transactions.map((t) => t.id));
      expect(ids).toEqual(await expected(team.teamId));
      expect(chunks.every((chunk) => chunk.transactions.every((t) => t.teamId === team.teamId))).toBe(true);

      const incomes = (await open(team.observer, { types: [TransactionType.TRANSACTION_TYPE_INCOME] })).messages;
      let count = 0;
      for await (const chunk of incomes) count += chunk.transactions.length;
      expect(count).toBe((await expected(team.teamId, `type = 'income'`)).length);

      await expect(open(team.observer, { minAmountMinor: 1n })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
      await expect(open({ ...team.observer, role: undefined } as unknown as CallerContext)).rejects.toMatchObject({
        code: status.UNAUTHENTICATED,
      });
    });

    it('a client that stops reading stops the reads of the database; cancelling ends the call', async () => {
      const team = newTeam();
      await seed(team.cashier, 60_000);
      const stream = await open(team.observer);
      const startedAt = pageQueries;
      await stream.messages.next();
      // Let the buffers on both sides fill up; then the export must wait, not read on.
      const settle = async () => {
        let before: number;
        do {
          before = pageQueries;
          await new Promise((resolve) => setTimeout(resolve, 300));
        } while (pageQueries !== before);
        return pageQueries - startedAt;
      };
      const stalledAt = await settle();
      expect(stalledAt).toBeLessThan(60);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(pageQueries - startedAt).toBe(stalledAt);

      stream.cancel();
      await stream.messages.return(undefined);
      const cancelled = () => logLines.some((line) => line.msg === 'call cancelled by the client' && line.teamId === team.teamId);
      for (let i = 0; i < 50 && !cancelled(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(cancelled()).toBe(true);
      expect(pageQueries - startedAt).toBeLessThanOrEqual(stalledAt + 1);
    });
  });
});
