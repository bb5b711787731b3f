import type { OutboxRecord } from '@cashier/events';
import type { UserTeamDb } from './create-prisma';

/** Writes event rows; used only inside the transaction of the change they announce. */
export class OutboxWriter {
  constructor(private readonly db: UserTeamDb) {}

  async add(...records: OutboxRecord[]): Promise<void> {
    if (records.length > 0) await this.db.outboxEvent.createMany({ data: records });
  }
}
