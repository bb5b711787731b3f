import type { CategoryKind } from './new-category';

export interface DefaultCategory {
  name: string;
  kind: CategoryKind;
  children?: readonly string[];
}

/** The categories every new team starts with; teams rename, archive or add to them freely. */
export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  { name: 'Food & dining', kind: 'expense', children: ['Groceries', 'Restaurants'] },
  { name: 'Transport', kind: 'expense', children: ['Fuel', 'Public transport'] },
  { name: 'Housing', kind: 'expense', children: ['Rent', 'Utilities'] },
  { name: 'Health', kind: 'expense' },
  { name: 'Education', kind: 'expense' },
  { name: 'Shopping', kind: 'expense' },
  { name: 'Entertainment', kind: 'expense' },
  { name: 'Bills & fees', kind: 'expense', children: ['Mobile & internet'] },
  { name: 'Gifts & donations', kind: 'expense' },
  { name: 'Travel', kind: 'expense' },
  { name: 'Other expenses', kind: 'expense' },
  { name: 'Salary', kind: 'income' },
  { name: 'Business', kind: 'income' },
  { name: 'Gifts received', kind: 'income' },
  { name: 'Interest & returns', kind: 'income' },
  { name: 'Other income', kind: 'income' },
];

/** How many categories the default set creates (parents and children). */
export const DEFAULT_CATEGORY_COUNT = DEFAULT_CATEGORIES.reduce((n, c) => n + 1 + (c.children?.length ?? 0), 0);
