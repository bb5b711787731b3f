import type {
  CreateRecurringRuleRequest,
  CreateRecurringRuleResponse,
  DeleteRecurringRuleRequest,
  DeleteRecurringRuleResponse,
  ListRecurringRulesRequest,
  ListRecurringRulesResponse,
  ListUpcomingRequest,
  ListUpcomingResponse,
  PlanningServiceServer,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import { unaryHandler } from '@cashier/grpc';
import { validateNewRecurringRule, validateUpcomingRange } from '../domain/new-recurring-rule';
import { createRecurringRule } from '../use-cases/create-recurring-rule';
import { deleteRecurringRule } from '../use-cases/delete-recurring-rule';
import { listRecurringRules } from '../use-cases/list-recurring-rules';
import { listUpcoming } from '../use-cases/list-upcoming';
import type { PlanningHandlerDeps } from './planning-handler-deps';
import { entryTypeFromProto, frequencyFromProto, recurringRuleToProto, upcomingToProto } from './recurring-mapper';

type RecurringHandlers = Pick<PlanningServiceServer, 'createRecurringRule' | 'listRecurringRules' | 'deleteRecurringRule' | 'listUpcoming'>;

export function recurringHandlers({ store, verifier, logger }: PlanningHandlerDeps): RecurringHandlers {
  const base = { verifier, logger };
  return {
    createRecurringRule: unaryHandler<CreateRecurringRuleRequest, CreateRecurringRuleResponse>(
      { ...base, method: 'CreateRecurringRule' },
      async (request, { caller, log }) => {
        const input = validateNewRecurringRule({
          id: request.id,
          frequency: frequencyFromProto(request.frequency),
          weekday: request.weekday,
          dayOfMonth: request.dayOfMonth,
          month: request.month,
          startDate: request.startDate,
          endDate: request.endDate,
          count: request.count,
          timeZone: request.timeZone,
          entryType: entryTypeFromProto(request.type),
          amount: request.amount,
          description: request.description,
          accountId: request.accountId,
          categoryId: request.categoryId,
        });
        const { rule, created } = await createRecurringRule(store, caller, input);
        log.info({ ruleId: rule.id, created }, 'recurring rule created');
        return { rule: recurringRuleToProto(rule), created };
      },
    ),
    listRecurringRules: unaryHandler<ListRecurringRulesRequest, ListRecurringRulesResponse>(
      { ...base, method: 'ListRecurringRules' },
      async (_request, { caller }) => ({ rules: (await listRecurringRules(store, caller)).map(recurringRuleToProto) }),
    ),
    deleteRecurringRule: unaryHandler<DeleteRecurringRuleRequest, DeleteRecurringRuleResponse>(
      { ...base, method: 'DeleteRecurringRule' },
      async (request, { caller, log }) => {
        await deleteRecurringRule(store, caller, request.id);
        log.info({ ruleId: request.id }, 'recurring rule deleted');
        return {};
      },
    ),
    listUpcoming: unaryHandler<ListUpcomingRequest, ListUpcomingResponse>({ ...base, method: 'ListUpcoming' }, async (request, { caller }) => {
      const range = validateUpcomingRange({ fromDate: request.fromDate, toDate: request.toDate });
      return { occurrences: (await listUpcoming(store, caller, range)).map(upcomingToProto) };
    }),
  };
}
