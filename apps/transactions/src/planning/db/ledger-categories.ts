import type { PlanningDb } from './planning-store';

/** True when the team has an expense category with this id (archived ones included): what a category budget can measure. */
export async function isExpenseCategoryOfTeam(db: PlanningDb, teamId: string, categoryId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found FROM categories
     WHERE team_id = ${teamId}::uuid AND id = ${categoryId}::uuid AND kind = 'expense'`;
  return rows.length > 0;
}
