import type {
  CategoryRuleServiceServer,
  CreateCategoryRuleRequest,
  CreateCategoryRuleResponse,
  DeleteCategoryRuleRequest,
  DeleteCategoryRuleResponse,
  ListCategoryRulesRequest,
  ListCategoryRulesResponse,
  UpdateCategoryRuleRequest,
  UpdateCategoryRuleResponse,
} from '@cashier/contracts/cashier/transactions/v1/category_rules';
import { unaryHandler } from '@cashier/grpc';
import type { HandlerDeps } from '../../grpc/handler-deps';
import { validateCategoryRuleDraft } from '../domain/category-rule-draft';
import { createCategoryRule } from '../use-cases/create-category-rule';
import { deleteCategoryRule } from '../use-cases/delete-category-rule';
import { listCategoryRules } from '../use-cases/list-category-rules';
import { updateCategoryRule } from '../use-cases/update-category-rule';
import { categoryRuleToProto } from './category-rule-mapper';

/** Every RPC of cashier.transactions.v1.CategoryRuleService. */
export function categoryRuleHandlers(deps: HandlerDeps): CategoryRuleServiceServer {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    createCategoryRule: unaryHandler<CreateCategoryRuleRequest, CreateCategoryRuleResponse>(
      { ...base, method: 'CreateCategoryRule' },
      async (request, { caller }) => ({
        rule: categoryRuleToProto(await createCategoryRule(deps.prisma, caller, validateCategoryRuleDraft(request))),
      }),
    ),
    listCategoryRules: unaryHandler<ListCategoryRulesRequest, ListCategoryRulesResponse>(
      { ...base, method: 'ListCategoryRules' },
      async (_request, { caller }) => ({ rules: (await listCategoryRules(deps.prisma, caller)).map(categoryRuleToProto) }),
    ),
    updateCategoryRule: unaryHandler<UpdateCategoryRuleRequest, UpdateCategoryRuleResponse>(
      { ...base, method: 'UpdateCategoryRule' },
      async (request, { caller }) => ({
        rule: categoryRuleToProto(
          await updateCategoryRule(deps.prisma, caller, {
            id: request.id,
            expectedVersion: request.expectedVersion,
            updateMask: request.updateMask,
            values: request,
          }),
        ),
      }),
    ),
    deleteCategoryRule: unaryHandler<DeleteCategoryRuleRequest, DeleteCategoryRuleResponse>(
      { ...base, method: 'DeleteCategoryRule' },
      async (request, { caller }) => {
        await deleteCategoryRule(deps.prisma, caller, request.id);
        return {};
      },
    ),
  };
}
