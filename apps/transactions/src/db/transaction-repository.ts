import { uuidv7 } from '@cashier/ids';
import type { OutboxRecord } from '@cashier/events';
import type { Transaction } from './generated/client';
import type { TransactionsPrisma } from './create-prisma';
import type { NewTransaction } from '../domain/new-transaction';

export type StoredTransaction = Transaction;

/** Every query names the team: a row of another team does not exist for the caller. */
export class TransactionRepository {
  constructor(private readonly prisma: TransactionsPrisma) {}

  findById(teamId: string, id: string): Promise<StoredTransaction | null> {
    return this.prisma.transaction.findFirst({ where: { id, teamId } });
  }

  /** Inserts the row and its event in one database transaction; both commit or neither. */
  async insertWithEvent(
    teamId: string,
    createdBy: string,
    input: NewTransaction,
    event: (row: StoredTransaction) => OutboxRecord,
  ): Promise<StoredTransaction> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.transaction.create({
        data: {
          id: input.id ?? uuidv7(),
          teamId,
          type: input.kind,
          amountMinor: input.amount.amountMinor,
          currencyCode: input.amount.currencyCode,
          occurredAt: input.occurredAt,
          description: input.description,
          createdBy,
        },
      });
      await tx.outboxEvent.create({ data: event(row) });
      return row;
    });
  }

  /** Any team's row with this id: only to tell an idempotent retry from an id collision. */
  findAnyById(id: string): Promise<StoredTransaction | null> {
    return this.prisma.transaction.findUnique({ where: { id } });
  }
}
