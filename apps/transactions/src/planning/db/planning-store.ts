import { withSerializationRetry } from '@cashier/db';
import type { TransactionsPrisma } from '../../db/create-prisma';

/** The client inside one interactive database transaction. */
export type PlanningTx = Parameters<Parameters<TransactionsPrisma['$transaction']>[0]>[0];
/** Either the pooled client (plain reads) or a transaction client. */
export type PlanningDb = TransactionsPrisma | PlanningTx;

// Row locks can make a transaction wait for another one (two members adding to one goal).
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 };

/** Planning's access to the service database: plain reads, and transactions in which a change and its events commit together. */
export class PlanningStore {
  constructor(readonly prisma: TransactionsPrisma) {}

  /** Runs `work` in one database transaction, run again whole after a deadlock or serialization failure. */
  transaction<T>(work: (tx: PlanningTx) => Promise<T>): Promise<T> {
    return withSerializationRetry(() => this.prisma.$transaction(work, TRANSACTION_OPTIONS));
  }
}
