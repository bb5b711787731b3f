import type { CategoryNames } from './statement-lines';

/** Live categories by lower-case name within each kind; a name used twice in a kind maps to null (ambiguous). */
export function categoryNames(categories: readonly { id: string; name: string; kind: 'expense' | 'income' }[]): CategoryNames {
  const byKind = { expense: new Map<string, string | null>(), income: new Map<string, string | null>() };
  for (const category of categories) {
    const names = byKind[category.kind];
    const name = category.name.trim().toLowerCase();
    names.set(name, names.has(name) ? null : category.id);
  }
  return byKind;
}
