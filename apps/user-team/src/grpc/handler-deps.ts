import type { ContextTokenVerifier } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import type { UserTeamStore } from '../db/user-team-store';

export interface UserTeamHandlerDeps {
  store: UserTeamStore;
  verifier: ContextTokenVerifier;
  logger: Logger;
}
