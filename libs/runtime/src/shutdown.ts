import type { Logger } from '@cashier/logger';

export type ShutdownStep = { name: string; run: () => Promise<void> };

/**
 * Runs the steps in order on SIGTERM or SIGINT, once; a step that fails or
 * hangs past the grace period is logged and the process exits non-zero.
 */
export function onShutdown(logger: Logger, steps: ShutdownStep[], graceMs = 15_000): void {
  let started = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (started) return;
    started = true;
    logger.info({ signal }, 'shutdown started');
    const deadline = setTimeout(() => {
      logger.error({ graceMs }, 'shutdown exceeded its grace period; exiting');
      process.exit(1);
    }, graceMs);
    deadline.unref();
    let failed = false;
    for (const step of steps) {
      try {
        await step.run();
        logger.info({ step: step.name }, 'shutdown step done');
      } catch (error) {
        failed = true;
        logger.error({ step: step.name, err: error }, 'shutdown step failed');
      }
    }
    logger.info('shutdown complete');
    logger.flush?.();
    process.exit(failed ? 1 : 0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
