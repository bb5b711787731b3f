import { ServiceError } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { draftOfTemplate, lockTeamLedger, writeLedgerEntry } from '../db/ledger-entry-writer';
import { writeOutbox } from '../db/outbox-writer';
import type { PlanningStore, PlanningTx } from '../db/planning-store';
import { recordOccurrence } from '../db/recurring-occurrence-repository';
import { recurrenceOf, RecurringRuleRepository, type StoredRecurringRule } from '../db/recurring-rule-repository';
import type { EntryTemplate } from '../domain/new-recurring-rule';
import { occurrenceAt } from '../domain/recurrence';
import { startOfLocalDay } from '../domain/zoned-time';
import { recurringEntryPostedEvent } from '../events/recurring-entry-posted-event';
import { cursorAt } from './rule-cursor';

export interface PostingLimits {
  /** Rules handled in one pass (each in its own transaction). */
  maxRules: number;
  /** Occurrences of one rule posted in one transaction; the rest wait for the next claim. */
  maxPerRule: number;
}

export const DEFAULT_POSTING_LIMITS: PostingLimits = { maxRules: 200, maxPerRule: 50 };

/** What the team may read about a failed posting: a rule the ledger refused says why; anything else stays in the logs. */
function failureReason(error: unknown): string {
  if (!(error instanceof ServiceError)) return 'the entry could not be posted; it will be retried';
  const details = error.fieldViolations.map((v) => `${v.field}: ${v.description}`).join('; ');
  return `${error.code}: ${error.message}${details ? ` (${details})` : ''}`;
}

function templateOf(rule: StoredRecurringRule): EntryTemplate {
  return {
    entryType: rule.entryType,
    amount: { amountMinor: rule.amountMinor, currencyCode: rule.currencyCode },
    description: rule.description,
    accountId: rule.accountId,
    categoryId: rule.categoryId,
  };
}

/**
 * Posts the due occurrences of one claimed rule under its team's ledger lock: for each, the
 * occurrence record, the ledger transaction (with its change-log entry and
 * `transaction.created`) and a `recurring.entry_posted` event, all in the caller's
 * transaction; then moves the rule's cursor on (clearing a failure it had). An occurrence
 * already recorded (posted by another scheduler) is skipped without writing anything.
 */
async function postOccurrencesOfRule(tx: PlanningTx, rule: StoredRecurringRule, now: Date, limits: PostingLimits, requestId: string) {
  const recurrence = recurrenceOf(rule);
  const template = templateOf(rule);
  const ledger = await lockTeamLedger(tx, { teamId: rule.teamId, actorId: rule.createdBy, requestId });
  let index = rule.nextIndex;
  let posted = 0;
  while (index - rule.nextIndex < limits.maxPerRule) {
    const occurrence = occurrenceAt(recurrence, index);
    if (!occurrence) break;
    const occurredAt = startOfLocalDay(rule.timeZone, occurrence.date);
    if (occurredAt.getTime() > now.getTime()) break;
    const transactionId = uuidv7();
    if (await recordOccurrence(tx, { teamId: rule.teamId, ruleId: rule.id, occurrence, transactionId })) {
      const entry = await writeLedgerEntry(ledger, transactionId, draftOfTemplate(template, occurredAt, now));
      await writeOutbox(tx, recurringEntryPostedEvent(rule.id, occurrence, entry, requestId));
      posted++;
    }
    index++;
  }
  await new RecurringRuleRepository(tx).advance(rule.teamId, rule.id, cursorAt(recurrence, rule.timeZone, index));
  return posted;
}

/**
 * One scheduler pass over every team: claims due rules one at a time (FOR UPDATE SKIP
 * LOCKED, so concurrent schedulers take different rules) and posts what is due. A rule
 * that fails is rolled back, reported, and left for the next pass, so it never holds up
 * the others. Returns how many rules were handled and how many transactions were posted.
 */
export async function postDueOccurrences(
  store: PlanningStore,
  now: Date,
  options: { limits?: PostingLimits; onRuleFailed?: (ruleId: string, error: unknown) => void } = {},
): Promise<{ rules: number; posted: number; failed: number; requestId: string }> {
  const limits = options.limits ?? DEFAULT_POSTING_LIMITS;
  const requestId = `recurring-${uuidv7()}`;
  const failedRuleIds: string[] = [];
  let rules = 0;
  let posted = 0;
  while (rules + failedRuleIds.length < limits.maxRules) {
    let claimedId: string | undefined;
    try {
      const postedForRule = await store.transaction(async (tx) => {
        const rule = await RecurringRuleRepository.claimNextDue(tx, now, failedRuleIds);
        claimedId = rule?.id;
        return rule ? postOccurrencesOfRule(tx, rule, now, limits, requestId) : undefined;
      });
      if (postedForRule === undefined) break;
      rules++;
      posted += postedForRule;
    } catch (error) {
      if (claimedId === undefined) throw error;
      failedRuleIds.push(claimedId);
      options.onRuleFailed?.(claimedId, error);
      await RecurringRuleRepository.recordFailure(store.prisma, claimedId, failureReason(error), now);
    }
  }
  return { rules, posted, failed: failedRuleIds.length, requestId };
}
