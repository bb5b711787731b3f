import type {
  CreateBudgetRequest,
  CreateBudgetResponse,
  DeleteBudgetRequest,
  DeleteBudgetResponse,
  GetBudgetRequest,
  GetBudgetResponse,
  ListBudgetsRequest,
  ListBudgetsResponse,
  PlanningServiceServer,
  UpdateBudgetRequest,
  UpdateBudgetResponse,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import { unaryHandler } from '@cashier/grpc';
import { validateBudgetChanges, validateNewBudget } from '../domain/budget-settings';
import { createBudget } from '../use-cases/create-budget';
import { deleteBudget } from '../use-cases/delete-budget';
import { getBudget } from '../use-cases/get-budget';
import { listBudgets } from '../use-cases/list-budgets';
import { updateBudget } from '../use-cases/update-budget';
import { budgetPeriodFromProto, budgetToProto } from './budget-mapper';
import type { PlanningHandlerDeps } from './planning-handler-deps';

type BudgetHandlers = Pick<PlanningServiceServer, 'createBudget' | 'listBudgets' | 'getBudget' | 'updateBudget' | 'deleteBudget'>;

export function budgetHandlers({ store, verifier, logger }: PlanningHandlerDeps): BudgetHandlers {
  const base = { verifier, logger };
  return {
    createBudget: unaryHandler<CreateBudgetRequest, CreateBudgetResponse>({ ...base, method: 'CreateBudget' }, async (request, { caller, log }) => {
      const input = validateNewBudget({
        id: request.id,
        name: request.name,
        categoryId: request.categoryId,
        period: budgetPeriodFromProto(request.period),
        amount: request.amount,
        timeZone: request.timeZone,
      });
      const { view, created } = await createBudget(store, caller, input);
      log.info({ budgetId: view.budget.id, created }, 'budget created');
      return { budget: budgetToProto(view), created };
    }),
    listBudgets: unaryHandler<ListBudgetsRequest, ListBudgetsResponse>({ ...base, method: 'ListBudgets' }, async (_request, { caller }) => ({
      budgets: (await listBudgets(store, caller)).map(budgetToProto),
    })),
    getBudget: unaryHandler<GetBudgetRequest, GetBudgetResponse>({ ...base, method: 'GetBudget' }, async (request, { caller }) => ({
      budget: budgetToProto(await getBudget(store, caller, request.id)),
    })),
    updateBudget: unaryHandler<UpdateBudgetRequest, UpdateBudgetResponse>({ ...base, method: 'UpdateBudget' }, async (request, { caller, log }) => {
      const changes = validateBudgetChanges({
        updateMask: request.updateMask,
        name: request.name,
        categoryId: request.categoryId,
        period: budgetPeriodFromProto(request.period),
        amount: request.amount,
        timeZone: request.timeZone,
      });
      const expectedVersion = request.expectedVersion === 0n ? undefined : request.expectedVersion;
      const view = await updateBudget(store, caller, request.id, changes, expectedVersion);
      log.info({ budgetId: view.budget.id, fields: Object.keys(changes) }, 'budget updated');
      return { budget: budgetToProto(view) };
    }),
    deleteBudget: unaryHandler<DeleteBudgetRequest, DeleteBudgetResponse>({ ...base, method: 'DeleteBudget' }, async (request, { caller, log }) => {
      await deleteBudget(store, caller, request.id);
      log.info({ budgetId: request.id }, 'budget deleted');
      return {};
    }),
  };
}
