import type { TransactionsServiceServer } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { accountHandlers } from './account-handlers';
import { categoryHandlers } from './category-handlers';
import type { HandlerDeps } from './handler-deps';
import { ledgerViewHandlers } from './sync-handlers';
import { transactionHandlers } from './transaction-handlers';

/** Every method of cashier.transactions.v1.TransactionsService. */
export function transactionsHandlers(deps: HandlerDeps): TransactionsServiceServer {
  return {
    ...transactionHandlers(deps),
    ...accountHandlers(deps),
    ...categoryHandlers(deps),
    ...ledgerViewHandlers(deps),
  };
}
