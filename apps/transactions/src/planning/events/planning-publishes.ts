import { EventType } from '@cashier/events';

/** The event types planning writes to the service's outbox (the recurring scheduler also writes TransactionCreated). */
export const PLANNING_PUBLISHES = [EventType.BudgetThresholdCrossed, EventType.RecurringEntryPosted];
