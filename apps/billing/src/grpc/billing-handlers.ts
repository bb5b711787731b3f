import type {
  BillingServiceServer,
  GetUsageRequest,
  GetUsageResponse,
} from '@cashier/contracts/cashier/billing/v1/billing';
import type { ContextTokenVerifier } from '@cashier/auth-context';
import { unaryHandler } from '@cashier/grpc';
import type { Logger } from '@cashier/logger';
import type { UsageRepository } from '../db/usage-repository';
import { parseUsagePeriod } from '../domain/usage-period';

export function billingHandlers(deps: {
  usage: UsageRepository;
  verifier: ContextTokenVerifier;
  logger: Logger;
}): BillingServiceServer {
  return {
    getUsage: unaryHandler<GetUsageRequest, GetUsageResponse>(
      { verifier: deps.verifier, logger: deps.logger, method: 'GetUsage' },
      async (request, { caller }) => {
        const period = parseUsagePeriod(request.period);
        return {
          teamId: caller.teamId,
          period,
          transactionsCreated: await deps.usage.transactionsCreated(caller.teamId, period),
        };
      },
    ),
  };
}
