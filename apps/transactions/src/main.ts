import { TransactionsServiceService } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { EventType } from '@cashier/events';
import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';
import { TransactionRepository } from './db/transaction-repository';
import { transactionsHandlers } from './grpc/transactions-handlers';

runMain('transactions', () =>
  startService({
    name: 'transactions',
    grpcServices: ['cashier.transactions.v1.TransactionsService'],
    createPrisma,
    register: ({ server, prisma, verifier, logger }) => {
      const repository = new TransactionRepository(prisma);
      server.addService(TransactionsServiceService, transactionsHandlers({ repository, verifier, logger }));
      return { publishes: [EventType.TransactionCreated] };
    },
  }),
);
