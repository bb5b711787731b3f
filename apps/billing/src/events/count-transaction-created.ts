import { TransactionCreated } from '@cashier/contracts/cashier/events/v1/transactions';
import { PermanentEventError, type EventHandler } from '@cashier/events';
import type { BillingPrisma } from '../db/create-prisma';
import { UsageRepository } from '../db/usage-repository';
import { usagePeriodOf } from '../domain/usage-period';

export const USAGE_CONSUMER_GROUP = 'billing.usage';

/** Counts each created transaction once per team and month, however often the event arrives. */
export function countTransactionCreated(prisma: BillingPrisma): EventHandler {
  return async (event, log) => {
    let payload: TransactionCreated;
    try {
      payload = TransactionCreated.decode(event.payload);
    } catch (error) {
      throw new PermanentEventError(`payload is not a TransactionCreated: ${(error as Error).message}`);
    }
    if (!payload.teamId || payload.teamId !== event.subject) {
      throw new PermanentEventError('payload team does not match the event subject');
    }
    const applied = await UsageRepository.countTransactionCreatedOnce(
      prisma,
      USAGE_CONSUMER_GROUP,
      event.id,
      payload.teamId,
      usagePeriodOf(new Date(event.time)),
    );
    log.info({ teamId: payload.teamId, transactionId: payload.transactionId, applied }, applied ? 'usage counted' : 'duplicate event ignored');
  };
}
