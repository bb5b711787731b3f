import { ConfigError } from '@cashier/config';

/** Boots a service; a bad setting or a failed start prints one clear message and exits 1. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service, time: new Date().toISOString(), msg: `${service} failed to start: ${message}` })}\n`,
    );
    process.exit(1);
  });
}
