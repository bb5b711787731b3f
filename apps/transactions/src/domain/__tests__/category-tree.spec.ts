import { checkParent, withDescendants, type CategoryNode } from '../category-tree';
import { serviceErrorOf } from './service-error-of';

function tree(...nodes: [string, string | null, ('expense' | 'income')?][]): Map<string, CategoryNode> {
  return new Map(nodes.map(([id, parentId, kind]) => [id, { id, parentId, kind: kind ?? 'expense' }]));
}

describe('the category tree', () => {
  const t = tree(['food', null], ['groceries', 'food'], ['veg', 'groceries'], ['salary', null, 'income']);

  it('accepts a parent of the same kind', () => {
    expect(() => checkParent({ id: 'new', kind: 'expense' }, 'veg', t)).not.toThrow();
    expect(() => checkParent({ id: 'food', kind: 'expense' }, null, t)).not.toThrow();
  });

  it('refuses cycles, other kinds and unknown parents', () => {
    const description = (id: string, parent: string) => serviceErrorOf(() => checkParent({ id, kind: 'expense' }, parent, t)).fieldViolations[0].description;
    expect(description('food', 'veg')).toMatch(/itself or one of its subcategories/);
    expect(description('food', 'food')).toMatch(/itself/);
    expect(description('new', 'salary')).toMatch(/expense category/);
    expect(description('new', 'ghost')).toBe('category not found');
  });

  it('keeps the tree at most five levels deep, counting the subtree that moves', () => {
    const deep = tree(['1', null], ['2', '1'], ['3', '2'], ['4', '3'], ['x', null], ['y', 'x']);
    expect(() => checkParent({ id: 'new', kind: 'expense' }, '4', deep)).not.toThrow();
    expect(serviceErrorOf(() => checkParent({ id: 'x', kind: 'expense' }, '4', deep)).fieldViolations[0].description).toMatch(/5 levels/);
  });

  it('widens a filter to descendants', () => {
    expect(withDescendants(['food'], t).sort()).toEqual(['food', 'groceries', 'veg']);
    expect(withDescendants(['salary'], t)).toEqual(['salary']);
  });
});
