import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { TEAM_READ, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';

const usageQuery = z.strictObject({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like "2026-11"').optional(),
});

export function billingRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('get', '/billing/usage', TEAM_READ, async (req, res) => {
    const query = validate(usageQuery, req.query);
    const usage = await downstream.call('billing', 'getUsage', { period: query.period ?? '' }, callerOf(res));
    res.json({ period: usage.period, transactions_created: Number(usage.transactionsCreated) });
  });
}
