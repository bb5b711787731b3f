import { status } from '@grpc/grpc-js';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { getTransaction } from '../use-cases/get-transaction';
import { updateTransaction, type TransactionUpdate } from '../use-cases/update-transaction';
import { LedgerTestKit, money, newTeam, record, rejection } from './support/ledger-test-kit';

describe('optimistic concurrency on transactions', () => {
  let kit: LedgerTestKit;
  beforeAll(() => {
    kit = new LedgerTestKit(8);
  });
  afterAll(() => kit.close());

  const change = (id: string, version: bigint, description: string): TransactionUpdate => ({
    id,
    expectedVersion: version,
    updateMask: ['description'],
    values: { kind: undefined, amount: undefined, occurredAt: undefined, description },
  });

  it('a stale version changes nothing and answers FAILED_PRECONDITION / TRANSACTIONS_VERSION_MISMATCH', async () => {
    const team = newTeam();
    const row = await record(kit, team.cashier);
    await updateTransaction(kit.prisma, team.cashier, change(row.id, 1n, 'first'));
    const before = await kit.teamChecksum(team.teamId);
    const stale = await rejection(updateTransaction(kit.prisma, team.cashier, change(row.id, 1n, 'second')));
    expect([stale.grpcStatus, stale.code]).toEqual([status.FAILED_PRECONDITION, 'TRANSACTIONS_VERSION_MISMATCH']);
    const staleDelete = await rejection(deleteTransaction(kit.prisma, team.cashier, row.id, 1n));
    expect(staleDelete.code).toBe('TRANSACTIONS_VERSION_MISMATCH');
    expect(await kit.teamChecksum(team.teamId)).toBe(before);
    expect((await getTransaction(kit.prisma, team.cashier, row.id)).row).toMatchObject({ description: 'first', version: 2n });
  });

  it('two concurrent updates with the same version: exactly one wins', async () => {
    const team = newTeam();
    for (let round = 0; round < 5; round++) {
      const row = await record(kit, team.cashier);
      const results = await Promise.allSettled(
        ['left', 'right', 'middle'].map((text) => updateTransaction(kit.prisma, team.cashier, change(row.id, 1n, text))),
      );
      const winners = results.filter((r) => r.status === 'fulfilled');
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.map((l) => (l.reason as { code: string }).code)).toEqual(['TRANSACTIONS_VERSION_MISMATCH', 'TRANSACTIONS_VERSION_MISMATCH']);
      const stored = (await getTransaction(kit.prisma, team.cashier, row.id)).row;
      expect(stored.version).toBe(2n);
      expect(stored.description).toBe((winners[0] as PromiseFulfilledResult<{ row: { description: string } }>).value.row.description);
    }
  });

  it('the version is required, and only known fields can be changed (never id, team, creator, version)', async () => {
    const team = newTeam();
    const row = await record(kit, team.cashier);
    const missing = await rejection(updateTransaction(kit.prisma, team.cashier, change(row.id, 0n, 'x')));
    expect(missing.fieldViolations.map((v) => v.field)).toEqual(['version']);
    for (const field of ['id', 'team_id', 'created_by', 'version', 'source', 'updated_by']) {
      const refused = await rejection(updateTransaction(kit.prisma, team.cashier, { ...change(row.id, 1n, 'x'), updateMask: [field] }));
      expect({ field, code: refused.code }).toEqual({ field, code: 'TRANSACTIONS_INVALID_UPDATE_MASK' });
    }
    const moved = await updateTransaction(kit.prisma, team.cashier, {
      id: row.id,
      expectedVersion: 1n,
      updateMask: ['type', 'amount'],
      values: { kind: 'income', amount: money('1.00', 'USD'), occurredAt: undefined, description: 'ignored' },
    });
    expect(moved.row).toMatchObject({ type: 'income', direction: 1, amountMinor: 100n, description: '', createdBy: row.createdBy });
  });
});
