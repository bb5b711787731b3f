import { Transaction } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { chunksOf } from '../export-chunks';

const withNotes = (length: number) => Transaction.fromPartial({ id: `t${length}`, description: 'x'.repeat(length) });

describe('cutting an export page into gRPC messages', () => {
  it('keeps every transaction, in order, and each chunk under the byte budget', () => {
    const page = Array.from({ length: 40 }, (_, i) => withNotes(100 + i));
    const chunks = chunksOf(page, 1_000);
    expect(chunks.flat()).toEqual(page);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      const bytes = chunk.reduce((sum, transaction) => sum + Transaction.encode(transaction).finish().byteLength + 6, 0);
      expect(bytes).toBeLessThanOrEqual(1_000);
    }
  });

  it('sends a transaction bigger than the budget alone, and nothing for an empty page', () => {
    expect(chunksOf([withNotes(10), withNotes(5_000), withNotes(10)], 1_000).map((chunk) => chunk.length)).toEqual([1, 1, 1]);
    expect(chunksOf([])).toEqual([]);
    expect(chunksOf([withNotes(1), withNotes(2)])).toHaveLength(1);
  });
});
