import { throwIfInvalid } from './ledger-errors';
import { MAX_CATEGORY_DEPTH, type CategoryKind } from './new-category';
import { TransactionsErrorCode } from './transactions-error-code';

export interface CategoryNode {
  id: string;
  kind: CategoryKind;
  parentId: string | null;
}

/**
 * Checks a category's new place in its team's tree: the parent exists in the team, has
 * the same kind, is not the category itself nor one of its descendants (no cycles), and
 * the tree stays at most MAX_CATEGORY_DEPTH deep. `tree` holds every category of the team.
 */
export function checkParent(
  category: { id: string; kind: CategoryKind },
  parentId: string | null,
  tree: ReadonlyMap<string, CategoryNode>,
): void {
  if (parentId === null) return;
  const parent = tree.get(parentId);
  const fail = (description: string) =>
    throwIfInvalid(TransactionsErrorCode.InvalidCategory, 'category', [{ field: 'parent_id', description }]);
  if (!parent) return fail('category not found');
  if (parent.kind !== category.kind) return fail(`must be an ${category.kind} category, like the category itself`);
  let depth = 1;
  for (let node: CategoryNode | undefined = parent; node; node = node.parentId ? tree.get(node.parentId) : undefined) {
    if (node.id === category.id) return fail('a category cannot sit under itself or one of its subcategories');
    depth++;
    if (depth > MAX_CATEGORY_DEPTH + 1) break;
  }
  if (depth + subtreeHeight(category.id, tree) - 1 > MAX_CATEGORY_DEPTH) {
    return fail(`categories nest at most ${MAX_CATEGORY_DEPTH} levels deep`);
  }
}

/** The levels a category and its descendants occupy (1 for a leaf). */
function subtreeHeight(id: string, tree: ReadonlyMap<string, CategoryNode>, limit = MAX_CATEGORY_DEPTH + 1): number {
  if (limit === 0) return 1;
  let height = 1;
  for (const node of tree.values()) {
    if (node.parentId === id) height = Math.max(height, 1 + subtreeHeight(node.id, tree, limit - 1));
  }
  return height;
}

/** A category and all its descendants. */
export function withDescendants(ids: readonly string[], tree: ReadonlyMap<string, CategoryNode>): string[] {
  const result = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of tree.values()) {
      if (node.parentId && result.has(node.parentId) && !result.has(node.id)) {
        result.add(node.id);
        grew = true;
      }
    }
  }
  return [...result];
}
