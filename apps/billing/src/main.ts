import { BillingServiceService } from '@cashier/contracts/cashier/billing/v1/billing';
import { EventType, topicOf } from '@cashier/events';
import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';
import { UsageRepository } from './db/usage-repository';
import { countTransactionCreated, USAGE_CONSUMER_GROUP } from './events/count-transaction-created';
import { billingHandlers } from './grpc/billing-handlers';

runMain('billing', () =>
  startService({
    name: 'billing',
    grpcServices: ['cashier.billing.v1.BillingService'],
    createPrisma,
    register: ({ server, prisma, verifier, logger }) => {
      server.addService(BillingServiceService, billingHandlers({ usage: new UsageRepository(prisma), verifier, logger }));
      return {
        consumers: [
          {
            groupId: USAGE_CONSUMER_GROUP,
            handlers: { [topicOf(EventType.TransactionCreated)]: countTransactionCreated(prisma) },
          },
        ],
      };
    },
  }),
);
