import type {
  AddContributionRequest,
  AddContributionResponse,
  CreateGoalRequest,
  CreateGoalResponse,
  DeleteGoalRequest,
  DeleteGoalResponse,
  GetGoalRequest,
  GetGoalResponse,
  ListGoalsRequest,
  ListGoalsResponse,
  PlanningServiceServer,
  RemoveContributionRequest,
  RemoveContributionResponse,
} from '@cashier/contracts/cashier/transactions/v1/planning';
import { unaryHandler } from '@cashier/grpc';
import { validateNewContribution } from '../domain/new-contribution';
import { validateNewGoal } from '../domain/new-goal';
import { addContribution } from '../use-cases/add-contribution';
import { createGoal } from '../use-cases/create-goal';
import { deleteGoal } from '../use-cases/delete-goal';
import { getGoal } from '../use-cases/get-goal';
import { listGoals } from '../use-cases/list-goals';
import { removeContribution } from '../use-cases/remove-contribution';
import { contributionToProto, goalKindFromProto, goalToProto } from './goal-mapper';
import type { PlanningHandlerDeps } from './planning-handler-deps';

type GoalHandlers = Pick<
  PlanningServiceServer,
  'createGoal' | 'listGoals' | 'getGoal' | 'addContribution' | 'removeContribution' | 'deleteGoal'
>;

export function goalHandlers({ store, verifier, logger }: PlanningHandlerDeps): GoalHandlers {
  const base = { verifier, logger };
  return {
    createGoal: unaryHandler<CreateGoalRequest, CreateGoalResponse>({ ...base, method: 'CreateGoal' }, async (request, { caller, log }) => {
      const input = validateNewGoal({
        id: request.id,
        kind: goalKindFromProto(request.kind),
        name: request.name,
        target: request.target,
        targetDate: request.targetDate,
        startDate: request.startDate,
      });
      const { view, created } = await createGoal(store, caller, input);
      log.info({ goalId: view.goal.id, created }, 'goal created');
      return { goal: goalToProto(view), created };
    }),
    listGoals: unaryHandler<ListGoalsRequest, ListGoalsResponse>({ ...base, method: 'ListGoals' }, async (_request, { caller }) => ({
      goals: (await listGoals(store, caller)).map(goalToProto),
    })),
    getGoal: unaryHandler<GetGoalRequest, GetGoalResponse>({ ...base, method: 'GetGoal' }, async (request, { caller }) => {
      const { view, contributions } = await getGoal(store, caller, request.id);
      return { goal: goalToProto(view), contributions: contributions.map(contributionToProto) };
    }),
    addContribution: unaryHandler<AddContributionRequest, AddContributionResponse>(
      { ...base, method: 'AddContribution' },
      async (request, { caller, log }) => {
        const input = validateNewContribution({
          id: request.id,
          amount: request.amount,
          contributedOn: request.contributedOn,
          note: request.note,
        });
        const { contribution, view, created } = await addContribution(store, caller, request.goalId, input);
        log.info({ goalId: view.goal.id, contributionId: contribution.id, created }, 'goal contribution added');
        return { contribution: contributionToProto(contribution), goal: goalToProto(view), created };
      },
    ),
    removeContribution: unaryHandler<RemoveContributionRequest, RemoveContributionResponse>(
      { ...base, method: 'RemoveContribution' },
      async (request, { caller, log }) => {
        const view = await removeContribution(store, caller, request.goalId, request.contributionId);
        log.info({ goalId: view.goal.id, contributionId: request.contributionId }, 'goal contribution removed');
        return { goal: goalToProto(view) };
      },
    ),
    deleteGoal: unaryHandler<DeleteGoalRequest, DeleteGoalResponse>({ ...base, method: 'DeleteGoal' }, async (request, { caller, log }) => {
      await deleteGoal(store, caller, request.id);
      log.info({ goalId: request.id }, 'goal deleted');
      return {};
    }),
  };
}
