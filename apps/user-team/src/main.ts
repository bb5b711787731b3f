import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';

// The user-team service's features arrive with their own issue; it already serves health,
// owns its database and shuts down gracefully like every other service.
runMain('user-team', () =>
  startService({
    name: 'user-team',
    // Only grpc.health.v1 until its RPCs exist: grpc-js refuses to register an empty service.
    grpcServices: [],
    createPrisma,
    register: () => ({}),
  }),
);
