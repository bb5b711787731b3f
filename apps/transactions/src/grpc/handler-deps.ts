import type { ContextTokenVerifier } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import type { TransactionsPrisma } from '../db/create-prisma';

export interface HandlerDeps {
  prisma: TransactionsPrisma;
  verifier: ContextTokenVerifier;
  logger: Logger;
}
