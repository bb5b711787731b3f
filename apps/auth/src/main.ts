import { AuthServiceService } from '@cashier/contracts/cashier/auth/v1/auth';
import { EventType } from '@cashier/events';
import { runMain, startService } from '@cashier/runtime';
import { createAuthService } from './auth-service';
import { loadAuthConfig } from './config';
import { createPrisma } from './db/create-prisma';

runMain('auth', async () => {
  // Before startService connects anything: a bad auth setting stops the boot naming it.
  const authConfig = loadAuthConfig();
  await startService({
    name: 'auth',
    grpcServices: ['cashier.auth.v1.AuthService'],
    createPrisma,
    register: async ({ server, prisma, verifier, logger }) => {
      const auth = await createAuthService({ config: authConfig, prisma, verifier, logger });
      server.addService(AuthServiceService, auth.handlers);
      return {
        publishes: [EventType.UserRegistered, EventType.SessionRevoked],
        background: [{ name: 'key reload and housekeeping', stop: async () => auth.stop() }],
      };
    },
  });
});
