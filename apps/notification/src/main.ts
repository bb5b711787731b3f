import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';

// The notification service's features arrive with their own issue; it already serves health,
// owns its database and shuts down gracefully like every other service.
runMain('notification', () =>
  startService({
    name: 'notification',
    // Only grpc.health.v1 until its RPCs exist: grpc-js refuses to register an empty service.
    grpcServices: [],
    createPrisma,
    register: () => ({}),
  }),
);
