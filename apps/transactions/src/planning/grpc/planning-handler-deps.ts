import type { ContextTokenVerifier } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import type { PlanningStore } from '../db/planning-store';

export interface PlanningHandlerDeps {
  store: PlanningStore;
  verifier: ContextTokenVerifier;
  logger: Logger;
}
