import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';

// The ai-engine service's features arrive with their own issue; it already serves health,
// owns its database and shuts down gracefully like every other service.
runMain('ai-engine', () =>
  startService({
    name: 'ai-engine',
    // Only grpc.health.v1 until its RPCs exist: grpc-js refuses to register an empty service.
    grpcServices: [],
    createPrisma,
    register: () => ({}),
  }),
);
