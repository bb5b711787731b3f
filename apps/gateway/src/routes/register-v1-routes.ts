import type { RequestHandler } from 'express';
import { createLogger, type Logger } from '@cashier/logger';
import type { Downstream } from '../grpc-clients/downstream';
import { PolicyRouter } from '../http/route-policy';
import type { AccessTokenVerifier } from '../identity/access-token-verifier';
import { accountsRoutes } from './accounts-routes';
import { aggregatesRoutes } from './aggregates-routes';
import { authRoutes } from './auth-routes';
import { billingRoutes } from './billing-routes';
import { budgetsRoutes } from './budgets-routes';
import { categoriesRoutes } from './categories-routes';
import { categoryRulesRoutes } from './category-rules-routes';
import { exportRoutes } from './export-routes';
import { goalsRoutes } from './goals-routes';
import { importRoutes } from './import-routes';
import { meRoutes } from './me-routes';
import { recurringRoutes } from './recurring-routes';
import { syncRoutes } from './sync-routes';
import { teamsRoutes } from './teams-routes';
import { transactionsRoutes } from './transactions-routes';

export interface V1Deps {
  downstream: Downstream;
  tokens: AccessTokenVerifier;
  otpLimit: RequestHandler;
  logger: Logger;
}

/** Every /v1 route, each with its policy. */
export function registerV1Routes(routes: PolicyRouter, deps: V1Deps): void {
  authRoutes(routes, deps.downstream, deps.tokens, deps.otpLimit);
  meRoutes(routes, deps.downstream);
  teamsRoutes(routes, deps.downstream);
  transactionsRoutes(routes, deps.downstream);
  importRoutes(routes, deps.downstream);
  exportRoutes(routes, deps.downstream, deps.logger);
  accountsRoutes(routes, deps.downstream);
  categoriesRoutes(routes, deps.downstream);
  categoryRulesRoutes(routes, deps.downstream);
  syncRoutes(routes, deps.downstream);
  aggregatesRoutes(routes, deps.downstream);
  billingRoutes(routes, deps.downstream);
  budgetsRoutes(routes, deps.downstream);
  goalsRoutes(routes, deps.downstream);
  recurringRoutes(routes, deps.downstream);
}

const pass: RequestHandler = (_req, _res, next) => next();

/** The API inventory: every /v1 route with its policy, without building the app. */
export function routePolicyTable(): PolicyRouter['table'] {
  const routes = new PolicyRouter('/v1', { authenticate: pass, teamAccess: () => pass });
  registerV1Routes(routes, { downstream: {} as Downstream, tokens: {} as AccessTokenVerifier, otpLimit: pass, logger: createLogger('gateway', 'silent') });
  return routes.table;
}
