import type { Logger } from '@cashier/logger';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { TEAM_READ, type PolicyRouter } from '../http/route-policy';
import { streamResponse } from '../http/stream-response';
import { validate } from '../http/validate';
import { exportRequestOf, exportTransactionsBody } from './export-body';
import { EXPORT_ENCODINGS, encodeExport } from './export-formats';

export function exportRoutes(routes: PolicyRouter, downstream: Downstream, logger: Logger): void {
  // Every matching transaction as one download, streamed end to end: memory stays bounded
  // however large the ledger. A failure before the first batch is an ordinary problem
  // answer; one after it cuts the download off (see streamResponse).
  routes.route('post', '/transactions/export', TEAM_READ, async (req, res) => {
    const body = validate(exportTransactionsBody, req.body ?? {});
    const encoding = EXPORT_ENCODINGS[body.format ?? 'csv'];
    const caller = callerOf(res);
    const stream = await downstream.exportTransactions(exportRequestOf(body), caller);
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', encoding.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="transactions-${day}.${encoding.extension}"`);
    const log = logger.child({ requestId: caller.requestId, userId: caller.userId, teamId: caller.teamId, route: 'transactions export' });
    await streamResponse(res, encodeExport(encoding, stream.messages), stream.cancel, log);
  });
}
