import {
  type ExportTransactionsChunk,
  type ExportTransactionsRequest,
  type LedgerExportServiceServer,
} from '@cashier/contracts/cashier/transactions/v1/ledger_export';
import { ListTransactionsRequest } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { serverStreamingHandler } from '@cashier/grpc';
import { exportTransactions } from '../use-cases/export-transactions';
import { chunksOf } from './export-chunks';
import type { HandlerDeps } from './handler-deps';
import { listQueryOf } from './list-request-mapper';
import { toProto } from './transaction-mapper';

/** Every method of cashier.transactions.v1.LedgerExportService. */
export function ledgerExportHandlers(deps: HandlerDeps): LedgerExportServiceServer {
  return {
    exportTransactions: serverStreamingHandler<ExportTransactionsRequest, ExportTransactionsChunk>(
      { verifier: deps.verifier, logger: deps.logger, method: 'ExportTransactions' },
      async (request, { caller, log, isCancelled, write }) => {
        const { filter, sort } = listQueryOf(request.filter ?? ListTransactionsRequest.fromPartial({}));
        let exported = 0;
        for await (const page of exportTransactions(deps.prisma, caller, filter, sort)) {
          for (const transactions of chunksOf(page.map(toProto))) await write({ transactions });
          exported += page.length;
          if (isCancelled()) return;
        }
        log.info({ exported }, 'transactions exported');
      },
    ),
  };
}
