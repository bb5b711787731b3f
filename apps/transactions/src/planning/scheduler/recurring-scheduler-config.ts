import { loadConfig, settings } from '@cashier/config';

/** The scheduler's own settings, validated at boot like the service's. */
export function loadRecurringSchedulerConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig(
    {
      /** How often the scheduler looks for due recurring occurrences. */
      RECURRING_SCAN_INTERVAL_MS: settings.millis().default(60_000),
    },
    env,
  );
}
