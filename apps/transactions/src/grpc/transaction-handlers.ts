import type {
  CreateTransactionRequest,
  CreateTransactionResponse,
  DeleteTransactionRequest,
  DeleteTransactionResponse,
  GetTransactionRequest,
  GetTransactionResponse,
  ListTransactionsRequest,
  ListTransactionsResponse,
  UpdateTransactionRequest,
  UpdateTransactionResponse,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { unaryHandler } from '@cashier/grpc';
import { validateNewTransaction } from '../domain/new-transaction';
import { createTransaction } from '../use-cases/create-transaction';
import { deleteTransaction } from '../use-cases/delete-transaction';
import { getTransaction } from '../use-cases/get-transaction';
import { listTransactions } from '../use-cases/list-transactions';
import { updateTransaction } from '../use-cases/update-transaction';
import type { HandlerDeps } from './handler-deps';
import { listQueryOf } from './list-request-mapper';
import { createInput, toProto, updateValues } from './transaction-mapper';

export function transactionHandlers(deps: HandlerDeps) {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    createTransaction: unaryHandler<CreateTransactionRequest, CreateTransactionResponse>(
      { ...base, method: 'CreateTransaction' },
      async (request, { caller, log }) => {
        const result = await createTransaction(deps.prisma, caller, validateNewTransaction(createInput(request)));
        log.info({ transactionId: result.transaction.row.id, created: result.created }, 'transaction recorded');
        return { transaction: toProto(result.transaction), created: result.created };
      },
    ),
    getTransaction: unaryHandler<GetTransactionRequest, GetTransactionResponse>(
      { ...base, method: 'GetTransaction' },
      async (request, { caller }) => ({ transaction: toProto(await getTransaction(deps.prisma, caller, request.id)) }),
    ),
    listTransactions: unaryHandler<ListTransactionsRequest, ListTransactionsResponse>(
      { ...base, method: 'ListTransactions' },
      async (request, { caller }) => {
        const page = await listTransactions(deps.prisma, caller, listQueryOf(request));
        return { transactions: page.transactions.map(toProto), nextCursor: page.nextCursor };
      },
    ),
    updateTransaction: unaryHandler<UpdateTransactionRequest, UpdateTransactionResponse>(
      { ...base, method: 'UpdateTransaction' },
      async (request, { caller, log }) => {
        const values = request.transaction;
        const view = await updateTransaction(deps.prisma, caller, {
          id: values?.id ?? '',
          expectedVersion: values?.version ?? 0n,
          updateMask: request.updateMask,
          values: values ? updateValues(values) : { kind: undefined, amount: undefined, occurredAt: undefined, description: '' },
        });
        log.info({ transactionId: view.row.id, version: view.row.version.toString() }, 'transaction updated');
        return { transaction: toProto(view) };
      },
    ),
    deleteTransaction: unaryHandler<DeleteTransactionRequest, DeleteTransactionResponse>(
      { ...base, method: 'DeleteTransaction' },
      async (request, { caller, log }) => {
        await deleteTransaction(deps.prisma, caller, request.id, request.expectedVersion > 0n ? request.expectedVersion : null);
        log.info({ transactionId: request.id }, 'transaction deleted');
        return {};
      },
    ),
  };
}
