import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';

/** Reads every message of some topics from the beginning, for assertions. */
export class KafkaProbe {
  readonly messages: (KafkaMessage & { topic: string })[] = [];
  private consumer: Consumer | undefined;

  constructor(private readonly kafka: Kafka) {}

  async start(topics: string[]): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `probe-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.messages.push({ ...message, topic });
      },
    });
  }

  header(message: KafkaMessage, name: string): string | undefined {
    return message.headers?.[name]?.toString();
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
