import { MembershipChanged, TeamDeleted } from '@cashier/contracts/cashier/events/v1/userteam';
import { EventType, PermanentEventError, processOnce, topicOf, type EventHandler, type ReceivedEvent } from '@cashier/events';
import type { Logger } from '@cashier/logger';
import type { PlanningStore, PlanningTx } from '../db/planning-store';
import { RecurringRuleRepository } from '../db/recurring-rule-repository';

/** The inbox name of these handlers (they run in the service's team-lifecycle consumer group). */
export const RECURRING_OWNERS_INBOX = 'transactions.recurring-owners';

const WRITING_ROLES = new Set(['admin', 'cashier']);

function decoded<T>(decode: () => T, name: string): T {
  try {
    return decode();
  } catch (error) {
    throw new PermanentEventError(`payload is not a ${name}: ${(error as Error).message}`);
  }
}

async function stopRules(
  store: PlanningStore,
  event: ReceivedEvent,
  log: Logger,
  who: { teamId: string; userId: string | null },
  reason: string,
  now: Date,
): Promise<void> {
  if (who.teamId !== event.subject) throw new PermanentEventError('payload team does not match the event subject');
  let stopped = 0;
  await processOnce<PlanningTx>((work) => store.transaction(work), RECURRING_OWNERS_INBOX, event.id, async (tx) => {
    stopped = await RecurringRuleRepository.stopActive(tx, who.teamId, who.userId, reason, now);
  });
  if (stopped > 0) log.info({ teamId: who.teamId, userId: who.userId, stopped }, 'recurring rules stopped');
}

/**
 * A recurring rule posts in its creator's name, so it stops when the creator may no longer
 * write in the team (removed, or made an observer), and every rule of a deleted team stops.
 */
export function recurringOwnersHandlers(store: PlanningStore, now: () => Date = () => new Date()): Record<string, EventHandler> {
  return {
    [topicOf(EventType.MembershipChanged)]: async (event, log) => {
      const change = decoded(() => MembershipChanged.decode(event.payload), 'MembershipChanged');
      if (WRITING_ROLES.has(change.role)) return;
      const reason = change.role === '' ? 'stopped: its creator left the team' : 'stopped: its creator can no longer write in the team';
      await stopRules(store, event, log, { teamId: change.teamId, userId: change.userId }, reason, now());
    },
    [topicOf(EventType.TeamDeleted)]: async (event, log) => {
      const deleted = decoded(() => TeamDeleted.decode(event.payload), 'TeamDeleted');
      await stopRules(store, event, log, { teamId: deleted.teamId, userId: null }, 'stopped: the team was deleted', now());
    },
  };
}
