import { CategoryRuleServiceService } from '@cashier/contracts/cashier/transactions/v1/category_rules';
import { LedgerImportServiceService } from '@cashier/contracts/cashier/transactions/v1/ledger_import';
import { LedgerExportServiceService } from '@cashier/contracts/cashier/transactions/v1/ledger_export';
import { PlanningServiceService } from '@cashier/contracts/cashier/transactions/v1/planning';
import { TransactionsServiceService } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { EventType, topicOf } from '@cashier/events';
import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';
import { createDefaultCategories, TEAM_SETUP_CONSUMER_GROUP } from './events/create-default-categories';
import { ledgerExportHandlers } from './grpc/export-handlers';
import { transactionsHandlers } from './grpc/transactions-handlers';
import { importHandlers } from './import/grpc/import-handlers';
import { PlanningStore } from './planning/db/planning-store';
import { budgetsConsumer } from './planning/events/budget-threshold-consumer';
import { PLANNING_PUBLISHES } from './planning/events/planning-publishes';
import { recurringOwnersHandlers } from './planning/events/recurring-owners-consumer';
import { planningHandlers } from './planning/grpc/planning-handlers';
import { startRecurringScheduler } from './planning/scheduler/start-recurring-scheduler';
import { categoryRuleHandlers } from './rules/grpc/category-rule-handlers';

runMain('transactions', () =>
  startService({
    name: 'transactions',
    grpcServices: [
      'cashier.transactions.v1.TransactionsService',
      'cashier.transactions.v1.PlanningService',
      'cashier.transactions.v1.CategoryRuleService',
      'cashier.transactions.v1.LedgerImportService',
      'cashier.transactions.v1.LedgerExportService',
    ],
    createPrisma,
    register: ({ server, prisma, verifier, logger }) => {
      server.addService(TransactionsServiceService, transactionsHandlers({ prisma, verifier, logger }));
      server.addService(LedgerExportServiceService, ledgerExportHandlers({ prisma, verifier, logger }));
      server.addService(CategoryRuleServiceService, categoryRuleHandlers({ prisma, verifier, logger }));
      server.addService(LedgerImportServiceService, importHandlers({ prisma, verifier, logger }));
      const planning = new PlanningStore(prisma);
      server.addService(PlanningServiceService, planningHandlers({ store: planning, verifier, logger }));
      const recurringScheduler = startRecurringScheduler(planning, logger);
      return {
        publishes: [
          EventType.TransactionCreated,
          EventType.TransactionUpdated,
          EventType.TransactionDeleted,
          EventType.AccountChanged,
          EventType.CategoryChanged,
          ...PLANNING_PUBLISHES,
        ],
        consumers: [
          // A team's lifecycle: default categories when it is created; recurring rules stop when
          // their creator may no longer write in it, or it is deleted.
          {
            groupId: TEAM_SETUP_CONSUMER_GROUP,
            handlers: { [topicOf(EventType.TeamCreated)]: createDefaultCategories(prisma), ...recurringOwnersHandlers(planning) },
          },
          budgetsConsumer(planning),
        ],
        background: [{ name: 'recurring scheduler', stop: () => recurringScheduler.stop() }],
      };
    },
  }),
);
