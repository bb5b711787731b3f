/**
 * Every Kafka topic CashierAI uses, named after the event type it carries.
 * DO NOT CHANGE these values: they are the wire contract between services.
 * A changed payload is a new type with a new version suffix, published beside the old one.
 */
export const EventType = {
  TransactionCreated: 'transactions.transaction.created.v1',
  UserRegistered: 'auth.user.registered.v1',
  SessionRevoked: 'auth.session.revoked.v1',
  TeamCreated: 'userteam.team.created.v1',
  TeamDeleted: 'userteam.team.deleted.v1',
  MembershipChanged: 'userteam.membership.changed.v1',
  BudgetThresholdCrossed: 'transactions.budget.threshold_crossed.v1',
  RecurringEntryPosted: 'transactions.recurring.entry_posted.v1',
  TransactionUpdated: 'transactions.transaction.updated.v1',
  TransactionDeleted: 'transactions.transaction.deleted.v1',
  AccountChanged: 'transactions.account.changed.v1',
  CategoryChanged: 'transactions.category.changed.v1',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** Each event type has its own topic of the same name. */
export function topicOf(type: EventType): string {
  return type;
}

/** The dead-letter topic of one consumer group: where its poison messages go. */
export function deadLetterTopicOf(consumerGroup: string): string {
  return `dlt.${consumerGroup}`;
}
