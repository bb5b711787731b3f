import type { PlanningServiceServer } from '@cashier/contracts/cashier/transactions/v1/planning';
import { budgetHandlers } from './budget-handlers';
import { goalHandlers } from './goal-handlers';
import type { PlanningHandlerDeps } from './planning-handler-deps';
import { recurringHandlers } from './recurring-handlers';

/** Every RPC of cashier.transactions.v1.PlanningService: each parses, calls one use case, maps the result. */
export function planningHandlers(deps: PlanningHandlerDeps): PlanningServiceServer {
  return { ...budgetHandlers(deps), ...goalHandlers(deps), ...recurringHandlers(deps) };
}
