import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { TEAM_MANAGE, TEAM_READ, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { ledgerFields, queryCount } from './ledger-fields';
import { changeRecordJson, syncChangeJson } from './sync-json';

const syncQuery = z.strictObject({
  cursor: z.string().max(64).optional(),
  // Larger values are clamped by the service (at most 1000 changes per page).
  limit: queryCount.optional(),
});

const changesQuery = z.strictObject({
  cursor: z.string().max(64).optional(),
  limit: queryCount.optional(),
  entity_id: ledgerFields.id.optional(),
});

export function syncRoutes(routes: PolicyRouter, downstream: Downstream): void {
  // Offline sync: every change since the cursor (current state or tombstone) and the next cursor.
  routes.route('get', '/sync', TEAM_READ, async (req, res) => {
    const query = validate(syncQuery, req.query);
    const page = await downstream.call('transactions', 'sync', { cursor: query.cursor ?? '', limit: query.limit ?? 0 }, callerOf(res));
    res.json({ changes: page.changes.map(syncChangeJson), cursor: page.cursor, has_more: page.hasMore });
  });

  // The team's audit trail (admins): who changed what, when, before and after.
  routes.route('get', '/changes', TEAM_MANAGE, async (req, res) => {
    const query = validate(changesQuery, req.query);
    const page = await downstream.call(
      'transactions',
      'listChanges',
      { cursor: query.cursor ?? '', limit: query.limit ?? 0, entityId: query.entity_id ?? '' },
      callerOf(res),
    );
    res.json({ changes: page.changes.map(changeRecordJson), cursor: page.cursor, has_more: page.hasMore });
  });
}
