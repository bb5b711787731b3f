import { formatIsoDate } from '../domain/civil-date';
import type { Occurrence } from '../domain/recurrence';
import type { PlanningTx } from './planning-store';

/**
 * Records that an occurrence of a rule was posted as a transaction. Returns false when it
 * already was: the key (team_id, rule_id, occurrence_date) lets each occurrence become a
 * transaction once, however many schedulers run.
 */
export async function recordOccurrence(
  tx: PlanningTx,
  input: { teamId: string; ruleId: string; occurrence: Occurrence; transactionId: string },
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO recurring_occurrences (team_id, rule_id, occurrence_date, occurrence_index, transaction_id)
    VALUES (${input.teamId}::uuid, ${input.ruleId}::uuid, ${formatIsoDate(input.occurrence.date)}::date,
            ${input.occurrence.index}, ${input.transactionId}::uuid)
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}
