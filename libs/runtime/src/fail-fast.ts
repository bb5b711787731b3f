import { ConfigError } from '@cashier/config';

/** Boots a service; a bad setting or a failed start prints one clear message and exits 1. */
export function runMain(service: string, main: () => Promise<void>): void {
  // A stray rejected promise (a library's background retry, say) is logged, not fatal:
  // one bad request must not take down every request in flight.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(
      `${JSON.stringify({ level: 'error', service, time: new Date().toISOString(), msg: 'unhandled promise rejection', err: String(reason instanceof Error ? reason.stack : reason) })}\n`,
    );
  });
  main().catch((error: unknown) => {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `${JSON.stringify({ level: 'fatal', service, time: new Date().toISOString(), msg: `${service} failed to start: ${message}` })}\n`,
    );
    process.exit(1);
  });
}
