import type {
  CreateTransactionRequest,
  CreateTransactionResponse,
  GetTransactionRequest,
  GetTransactionResponse,
  TransactionsServiceServer,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import type { ContextTokenVerifier } from '@cashier/auth-context';
import { unaryHandler } from '@cashier/grpc';
import type { Logger } from '@cashier/logger';
import type { TransactionRepository } from '../db/transaction-repository';
import { validateNewTransaction } from '../domain/new-transaction';
import { createTransaction } from '../use-cases/create-transaction';
import { getTransaction } from '../use-cases/get-transaction';
import { kindFromProto, toProto } from './transaction-mapper';

export function transactionsHandlers(deps: {
  repository: TransactionRepository;
  verifier: ContextTokenVerifier;
  logger: Logger;
}): TransactionsServiceServer {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    createTransaction: unaryHandler<CreateTransactionRequest, CreateTransactionResponse>(
      { ...base, method: 'CreateTransaction' },
      async (request, { caller, log }) => {
        const input = validateNewTransaction({
          id: request.id,
          kind: kindFromProto(request.type),
          amount: request.amount,
          occurredAt: request.occurredAt,
          description: request.description,
        });
        const result = await createTransaction(deps.repository, caller, input);
        log.info({ transactionId: result.transaction.id, created: result.created }, 'transaction recorded');
        return { transaction: toProto(result.transaction), created: result.created };
      },
    ),
    getTransaction: unaryHandler<GetTransactionRequest, GetTransactionResponse>(
      { ...base, method: 'GetTransaction' },
      async (request, { caller }) => ({ transaction: toProto(await getTransaction(deps.repository, caller, request.id)) }),
    ),
  };
}
