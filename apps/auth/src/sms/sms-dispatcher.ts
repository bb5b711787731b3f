import { maskPhone } from '@cashier/phone';
import type { Logger } from '@cashier/logger';
import type { SmsMessage, SmsSender } from './sms-sender';

export interface SmsDispatcherOptions {
  sender: SmsSender;
  logger: Logger;
  /** Waits before the 2nd, 3rd... attempt; its length + 1 is the number of attempts. */
  retryDelaysMs?: number[];
  /** Sends in flight at once. */
  concurrency?: number;
  /** Messages waiting beyond this are dropped (and logged): a dead provider must not eat the memory. */
  maxQueued?: number;
}

/**
 * Delivers SMS after the request has answered, so a slow or failing provider neither delays
 * the answer nor makes known and unknown phones distinguishable. Failures are logged and
 * retried with backoff. The queue lives in memory on purpose: the code must never be
 * written to the database in clear, and a code lost in a crash is replaced by a resend.
 */
export class SmsDispatcher {
  private readonly queue: SmsMessage[] = [];
  private readonly retryDelaysMs: number[];
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private active = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: SmsDispatcherOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 5_000, 15_000];
    this.concurrency = options.concurrency ?? 8;
    this.maxQueued = options.maxQueued ?? 10_000;
  }

  /** Queues a message and returns at once. */
  dispatch(message: SmsMessage): void {
    if (this.queue.length >= this.maxQueued) {
      this.options.logger.error({ challengeId: message.challengeId, queued: this.queue.length }, 'sms queue full; message dropped');
      return;
    }
    this.queue.push(message);
    this.pump();
  }

  /** Resolves when nothing is queued or in flight (retries included), or after `timeoutMs`. */
  async idle(timeoutMs = 30_000): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const message = this.queue.shift()!;
      this.active++;
      void this.deliver(message).finally(() => {
        this.active--;
        this.pump();
        if (this.active === 0 && this.queue.length === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const wake of waiters) wake();
        }
      });
    }
  }

  private async deliver(message: SmsMessage): Promise<void> {
    const attempts = this.retryDelaysMs.length + 1;
    const about = { challengeId: message.challengeId, to: maskPhone(message.to), provider: this.options.sender.name };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.options.sender.send(message);
        this.options.logger.info({ ...about, attempt }, 'sms sent');
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt === attempts) {
          this.options.logger.error({ ...about, attempt, reason }, 'sms not sent; giving up');
          return;
        }
        this.options.logger.warn({ ...about, attempt, reason }, 'sms send failed; will retry');
        await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt - 1]).unref());
      }
    }
  }
}
