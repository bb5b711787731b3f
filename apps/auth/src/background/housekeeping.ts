import type { Logger } from '@cashier/logger';
import type { AuthPrisma } from '../db/create-prisma';
import { OtpChallengeRepository } from '../db/otp-challenge-repository';
import { SessionRepository } from '../db/session-repository';
import { VerifyFailureRepository } from '../db/verify-failure-repository';
import type { Clock } from '../domain/clock';
import { PHONE_DAY_WINDOW_SECONDS, VERIFY_FAILURE_WINDOW_SECONDS } from '../domain/otp-policy';

const DAY_MS = 24 * 3600_000;
/** Ended sessions are kept this long for the person's and support's reference, then deleted with their tokens. */
export const ENDED_SESSION_RETENTION_DAYS = 30;

/**
 * Deletes what no rule needs any more: challenges older than the longest rate-limit window
 * (plus a day), failure counters whose window is over, sessions ended long ago. Safe to
 * run on several instances at once.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prisma: AuthPrisma,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async runOnce(): Promise<{ challenges: number; failureCounters: number; sessions: number }> {
    const now = this.clock().getTime();
    const result = {
      challenges: await OtpChallengeRepository.deleteCreatedBefore(this.prisma, new Date(now - PHONE_DAY_WINDOW_SECONDS * 1000 - DAY_MS)),
      failureCounters: await VerifyFailureRepository.deleteWindowsStartedBefore(
        this.prisma,
        new Date(now - VERIFY_FAILURE_WINDOW_SECONDS * 1000),
      ),
      sessions: await SessionRepository.deleteEndedBefore(this.prisma, new Date(now - ENDED_SESSION_RETENTION_DAYS * DAY_MS)),
    };
    this.logger.info(result, 'housekeeping done');
    return result;
  }

  start(intervalMs = 3600_000): void {
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) => this.logger.warn({ err: error }, 'housekeeping failed; will retry'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
