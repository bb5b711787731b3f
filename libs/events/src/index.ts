export {
  fromKafkaHeaders,
  MalformedEventError,
  PROTOBUF_CONTENT_TYPE,
  toKafkaHeaders,
  type CloudEventAttributes,
} from './cloud-event';
export { EventConsumer, PermanentEventError, type EventConsumerOptions, type EventHandler, type ReceivedEvent } from './consumer';
export { processOnce, type RawExecutor, type RunInTransaction } from './inbox';
export { createKafka, ensureTopics } from './kafka';
export { outboxRecord, type OutboxRecord } from './outbox-record';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { deadLetterTopicOf, EventType, topicOf } from './topics';
export { OUTBOX_INBOX_SQL } from './outbox-inbox-sql';
