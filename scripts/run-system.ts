// `npm start`: runs every service and the gateway as separate processes until Ctrl-C.
import { join } from 'node:path';
import { LocalSystem, REPO_ROOT } from '@cashier/testing';

async function main(): Promise<void> {
  const system = new LocalSystem({ keysDir: join(REPO_ROOT, 'var', 'keys') });
  process.stdout.write(
    `[start] starting ${system.services.length} services and the gateway; logs in ${system.logDir}/<service>.log\n`,
  );
  await system.start();
  process.stdout.write(`[start] CashierAI is up: ${system.gatewayUrl}  (Ctrl-C stops it)\n`);
  process.stdout.write(
    `[start] sign in: POST ${system.gatewayUrl}/v1/auth/login {"phone":"+8801712345678"}; ` +
      `the code arrives in ${system.smsSinkFile} (README, "The two commands")\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\n[start] stopping...\n');
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch(async (error: unknown) => {
  process.stderr.write(`[start] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
