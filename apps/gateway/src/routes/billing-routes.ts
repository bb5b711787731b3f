import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '@cashier/grpc';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { validate } from '../http/validate';

const usageQuery = z.strictObject({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like "2026-11"').optional(),
});

export function billingRoutes(downstream: Downstream): Router {
  const router = Router();
  router.get('/billing/usage', async (req, res) => {
    const query = validate(usageQuery, req.query);
    const usage = await callUnary(
      downstream.billing,
      downstream.billing.getUsage,
      { period: query.period ?? '' },
      await downstream.metadataFor('billing', callerOf(res)),
      downstream.deadlineMs,
    );
    res.json({ period: usage.period, transactions_created: Number(usage.transactionsCreated) });
  });
  return router;
}
