import { Transaction } from '@cashier/contracts/cashier/transactions/v1/transactions';

/** Well under the 4 MiB gRPC message limit, whatever the transactions carry (50 splits, long notes). */
export const MAX_CHUNK_BYTES = 1024 * 1024;

/**
 * Cuts a page of transactions into chunks whose encoded size stays under `maxBytes` (a
 * single transaction larger than that still goes alone). Order is kept.
 */
export function chunksOf(transactions: readonly Transaction[], maxBytes = MAX_CHUNK_BYTES): Transaction[][] {
  const chunks: Transaction[][] = [];
  let current: Transaction[] = [];
  let bytes = 0;
  for (const transaction of transactions) {
    // The field tag and length prefix add at most 6 bytes per repeated entry.
    const size = Transaction.encode(transaction).finish().byteLength + 6;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(transaction);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
