import type { Logger } from '@cashier/logger';
import type { PlanningStore } from '../db/planning-store';
import { loadRecurringSchedulerConfig } from './recurring-scheduler-config';
import { RecurringScheduler } from './recurring-scheduler';

/** Reads the scheduler's settings and starts its loop; the caller stops it on shutdown. */
export function startRecurringScheduler(store: PlanningStore, logger: Logger, env: NodeJS.ProcessEnv = process.env): RecurringScheduler {
  const config = loadRecurringSchedulerConfig(env);
  const scheduler = new RecurringScheduler({
    store,
    logger: logger.child({ component: 'recurring-scheduler' }),
    intervalMs: config.RECURRING_SCAN_INTERVAL_MS,
  });
  scheduler.start();
  return scheduler;
}
