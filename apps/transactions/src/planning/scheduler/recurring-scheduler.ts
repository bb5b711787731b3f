import type { Logger } from '@cashier/logger';
import type { PlanningStore } from '../db/planning-store';
import { postDueOccurrences, type PostingLimits } from '../use-cases/post-due-occurrences';

export interface RecurringSchedulerOptions {
  store: PlanningStore;
  logger: Logger;
  intervalMs: number;
  now?: () => Date;
  limits?: PostingLimits;
}

/**
 * Turns due recurring occurrences into transactions: one pass at start, then one every
 * intervalMs. Any number of instances may run (every service replica has one): rules are
 * claimed with SKIP LOCKED and each occurrence is recorded once, so nothing is posted twice.
 */
export class RecurringScheduler {
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private stopped = true;
  private readonly now: () => Date;

  constructor(private readonly options: RecurringSchedulerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the loop and waits for a pass in progress to commit or roll back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
  }

  /** One pass now (also what the loop runs). */
  async runOnce(): Promise<{ rules: number; posted: number; failed: number }> {
    const log = this.options.logger;
    const result = await postDueOccurrences(this.options.store, this.now(), {
      limits: this.options.limits,
      onRuleFailed: (ruleId, error) => log.error({ err: error, ruleId }, 'recurring rule could not be posted; retrying next pass'),
    });
    if (result.rules > 0 || result.failed > 0) {
      log.info({ rules: result.rules, posted: result.posted, failed: result.failed, requestId: result.requestId }, 'recurring occurrences posted');
    }
    return result;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error({ err: error }, 'recurring scheduler pass failed'))
        .finally(() => {
          this.pass = undefined;
          this.schedule(this.options.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
