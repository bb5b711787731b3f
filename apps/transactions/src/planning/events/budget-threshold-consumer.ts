import { TransactionCreated, TransactionUpdated } from '@cashier/contracts/cashier/events/v1/transactions';
import { EventType, PermanentEventError, processOnce, topicOf, type EventConsumerOptions, type EventHandler } from '@cashier/events';
import type { Money } from '@cashier/contracts/cashier/common/v1/common';
import { BudgetRepository } from '../db/budget-repository';
import type { PlanningStore, PlanningTx } from '../db/planning-store';
import { checkBudgetsAfterExpense } from '../use-cases/check-budget-thresholds';

/** Planning's own consumer group: it reads the ledger's events like any other service would. */
export const BUDGETS_CONSUMER_GROUP = 'transactions.budgets';

/** What a ledger event says about the transaction as it now is. */
interface LedgerFact {
  transactionId: string;
  teamId: string;
  type: string;
  amount: Money | undefined;
  occurredAt: Date | undefined;
}

type Decoder = (payload: Buffer) => LedgerFact;

function decodeWith(decode: Decoder, payload: Buffer, name: string): LedgerFact {
  try {
    return decode(payload);
  } catch (error) {
    throw new PermanentEventError(`payload is not a ${name}: ${(error as Error).message}`);
  }
}

/**
 * On each expense recorded or changed, checks the budgets it counts towards and announces
 * thresholds crossed. The event id goes into the inbox in the same transaction as the
 * alerts, so a redelivered event changes nothing; the alerts' unique key covers concurrent
 * events. (A deletion only lowers spending, so it can cross nothing.)
 */
function checkBudgetsOn(store: PlanningStore, name: string, decode: Decoder, now: () => Date): EventHandler {
  return async (event, log) => {
    const fact = decodeWith(decode, event.payload, name);
    if (!fact.teamId || fact.teamId !== event.subject) {
      throw new PermanentEventError('payload team does not match the event subject');
    }
    if (fact.type !== 'expense') return;
    if (!fact.amount || !fact.occurredAt) throw new PermanentEventError('expense without amount or date');
    const expense = { teamId: fact.teamId, currencyCode: fact.amount.currencyCode, occurredAt: fact.occurredAt };
    // Most teams have no budget in most currencies: then there is nothing to check and
    // nothing to remember (a budget created meanwhile checks its period when it is created).
    if (!(await new BudgetRepository(store.prisma).anyInCurrency(expense.teamId, expense.currencyCode))) return;
    let published = 0;
    const applied = await processOnce<PlanningTx>((work) => store.transaction(work), BUDGETS_CONSUMER_GROUP, event.id, async (tx) => {
      published = await checkBudgetsAfterExpense(tx, expense, { now: now(), requestId: event.requestid });
    });
    if (!applied) log.info({ transactionId: fact.transactionId }, 'duplicate event ignored');
    else if (published > 0) log.info({ transactionId: fact.transactionId, alerts: published }, 'budget thresholds crossed');
  };
}

export function checkBudgetsOnTransactionCreated(store: PlanningStore, now: () => Date = () => new Date()): EventHandler {
  return checkBudgetsOn(store, 'TransactionCreated', (payload) => TransactionCreated.decode(payload), now);
}

export function checkBudgetsOnTransactionUpdated(store: PlanningStore, now: () => Date = () => new Date()): EventHandler {
  return checkBudgetsOn(store, 'TransactionUpdated', (payload) => TransactionUpdated.decode(payload), now);
}

/** The consumer the service runs for budgets. */
export function budgetsConsumer(store: PlanningStore): Omit<EventConsumerOptions, 'kafka' | 'logger'> {
  return {
    groupId: BUDGETS_CONSUMER_GROUP,
    handlers: {
      [topicOf(EventType.TransactionCreated)]: checkBudgetsOnTransactionCreated(store),
      [topicOf(EventType.TransactionUpdated)]: checkBudgetsOnTransactionUpdated(store),
    },
  };
}
