import type {
  CreateCategoryRequest,
  CreateCategoryResponse,
  DeleteCategoryRequest,
  DeleteCategoryResponse,
  GetCategoryRequest,
  GetCategoryResponse,
  ListCategoriesRequest,
  ListCategoriesResponse,
  UpdateCategoryRequest,
  UpdateCategoryResponse,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { unaryHandler } from '@cashier/grpc';
import { validateNewCategory } from '../domain/new-category';
import { createCategory } from '../use-cases/create-category';
import { deleteCategory } from '../use-cases/delete-category';
import { getCategory, listCategories } from '../use-cases/get-category';
import { updateCategory } from '../use-cases/update-category';
import { categoryKindFromProto, categoryToProto } from './category-mapper';
import type { HandlerDeps } from './handler-deps';

export function categoryHandlers(deps: HandlerDeps) {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    createCategory: unaryHandler<CreateCategoryRequest, CreateCategoryResponse>(
      { ...base, method: 'CreateCategory' },
      async (request, { caller }) => {
        const input = validateNewCategory({
          id: request.id,
          name: request.name,
          kind: categoryKindFromProto(request.kind),
          parentId: request.parentId,
        });
        const result = await createCategory(deps.prisma, caller, input);
        return { category: categoryToProto(result.category), created: result.created };
      },
    ),
    getCategory: unaryHandler<GetCategoryRequest, GetCategoryResponse>(
      { ...base, method: 'GetCategory' },
      async (request, { caller }) => ({ category: categoryToProto(await getCategory(deps.prisma, caller, request.id)) }),
    ),
    listCategories: unaryHandler<ListCategoriesRequest, ListCategoriesResponse>(
      { ...base, method: 'ListCategories' },
      async (request, { caller }) => ({
        categories: (await listCategories(deps.prisma, caller, request.includeArchived)).map(categoryToProto),
      }),
    ),
    updateCategory: unaryHandler<UpdateCategoryRequest, UpdateCategoryResponse>(
      { ...base, method: 'UpdateCategory' },
      async (request, { caller }) => {
        const values = request.category;
        const category = await updateCategory(deps.prisma, caller, {
          id: values?.id ?? '',
          expectedVersion: values?.version ?? 0n,
          updateMask: request.updateMask,
          values: { name: values?.name ?? '', parentId: values?.parentId ?? '', archived: values?.archived ?? false },
        });
        return { category: categoryToProto(category) };
      },
    ),
    deleteCategory: unaryHandler<DeleteCategoryRequest, DeleteCategoryResponse>(
      { ...base, method: 'DeleteCategory' },
      async (request, { caller }) => {
        await deleteCategory(deps.prisma, caller, request.id);
        return {};
      },
    ),
  };
}
