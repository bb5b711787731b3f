import type {
  ImportTransactionsRequest,
  ImportTransactionsResponse,
  LedgerImportServiceServer,
} from '@cashier/contracts/cashier/transactions/v1/ledger_import';
import { unaryHandler } from '@cashier/grpc';
import type { HandlerDeps } from '../../grpc/handler-deps';
import { validateImportSettings } from '../domain/import-settings';
import { importTransactions } from '../use-cases/import-transactions';
import { importReportToProto, importSettingsInput } from './import-mapper';

/** Every RPC of cashier.transactions.v1.LedgerImportService. */
export function importHandlers(deps: HandlerDeps): LedgerImportServiceServer {
  return {
    importTransactions: unaryHandler<ImportTransactionsRequest, ImportTransactionsResponse>(
      { verifier: deps.verifier, logger: deps.logger, method: 'ImportTransactions' },
      async (request, { caller, log }) => {
        const settings = validateImportSettings(importSettingsInput(request), request.csv.length);
        const report = await importTransactions(deps.prisma, caller, settings, request.csv);
        log.info(
          { dryRun: report.dryRun, lines: report.lines, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected },
          'statement imported',
        );
        return importReportToProto(caller.teamId, report);
      },
    ),
  };
}
