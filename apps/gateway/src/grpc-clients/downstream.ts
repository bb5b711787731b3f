import { Metadata, type Client } from '@grpc/grpc-js';
import { AuthServiceClient } from '@cashier/contracts/cashier/auth/v1/auth';
import { BillingServiceClient } from '@cashier/contracts/cashier/billing/v1/billing';
import { CategoryRuleServiceClient } from '@cashier/contracts/cashier/transactions/v1/category_rules';
import {
  LedgerExportServiceClient,
  type ExportTransactionsChunk,
  type ExportTransactionsRequest,
} from '@cashier/contracts/cashier/transactions/v1/ledger_export';
import { LedgerImportServiceClient } from '@cashier/contracts/cashier/transactions/v1/ledger_import';
import { PlanningServiceClient } from '@cashier/contracts/cashier/transactions/v1/planning';
import { TransactionsServiceClient } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { UserTeamServiceClient } from '@cashier/contracts/cashier/userteam/v1/userteam';
import { CONTEXT_METADATA_KEY, type ContextTokenSigner, type InternalContext } from '@cashier/auth-context';
import { callUnary, createClient, openServerStream, REQUEST_ID_KEY, type ServerStream } from '@cashier/grpc';

export type DownstreamName = 'auth' | 'user-team' | 'transactions' | 'planning' | 'category-rules' | 'ledger-import' | 'billing';
/** The processes behind the gRPC services: one address each, and the audience of their context tokens. */
export type DownstreamProcess = 'auth' | 'user-team' | 'transactions' | 'billing';

const SERVED_BY: Record<DownstreamName, DownstreamProcess> = {
  auth: 'auth',
  'user-team': 'user-team',
  transactions: 'transactions',
  planning: 'transactions',
  'category-rules': 'transactions',
  'ledger-import': 'transactions',
  billing: 'billing',
};

interface Clients {
  auth: AuthServiceClient;
  'user-team': UserTeamServiceClient;
  transactions: TransactionsServiceClient;
  planning: PlanningServiceClient;
  'category-rules': CategoryRuleServiceClient;
  'ledger-import': LedgerImportServiceClient;
  billing: BillingServiceClient;
}

/** A whole export may take minutes; its first chunk still comes within the usual deadline. */
export const EXPORT_DEADLINE_MS = 5 * 60_000;

type UnaryMethods<C> = {
  [K in keyof C]: C[K] extends (request: infer Req, metadata: Metadata, options: any, callback: (error: any, response: infer Res) => void) => any
    ? (request: Req, metadata: Metadata, options: any, callback: (error: any, response: Res) => void) => any
    : never;
};
type RequestOf<F> = F extends (request: infer Req, metadata: Metadata, options: any, callback: any) => any ? Req : never;
type ResponseOf<F> = F extends (request: any, metadata: Metadata, options: any, callback: (error: any, response: infer Res) => void) => any
  ? Res
  : never;

/**
 * The gateway's gRPC clients. Every call carries a context token minted for that one
 * service (its audience), the request id, and a deadline.
 */
export class Downstream {
  private readonly clients: Clients;
  private readonly ledgerExport: LedgerExportServiceClient;

  constructor(
    addresses: Record<DownstreamProcess, string>,
    private readonly signer: ContextTokenSigner,
    readonly deadlineMs: number,
  ) {
    this.ledgerExport = createClient(LedgerExportServiceClient, addresses.transactions);
    this.clients = {
      auth: createClient(AuthServiceClient, addresses.auth, ['GetJwks', 'ListSessions']),
      'user-team': createClient(UserTeamServiceClient, addresses['user-team'], [
        'GetMembership',
        'GetMe',
        'ListMyTeams',
        'GetTeam',
        'ListMembers',
        'ListMyInvitations',
      ]),
      transactions: createClient(TransactionsServiceClient, addresses.transactions, [
        'GetTransaction',
        'ListTransactions',
        'GetAccount',
        'ListAccounts',
        'GetCategory',
        'ListCategories',
        'Sync',
        'ListChanges',
        'GetAggregates',
      ]),
      // PlanningService is served by the transactions process.
      planning: createClient(PlanningServiceClient, addresses.transactions, [
        'ListBudgets',
        'GetBudget',
        'ListGoals',
        'GetGoal',
        'ListRecurringRules',
        'ListUpcoming',
      ]),
      'category-rules': createClient(CategoryRuleServiceClient, addresses.transactions, ['ListCategoryRules']),
      'ledger-import': createClient(LedgerImportServiceClient, addresses.transactions),
      billing: createClient(BillingServiceClient, addresses.billing, ['GetUsage']),
    };
  }

  async call<S extends DownstreamName, M extends keyof UnaryMethods<Clients[S]> & string>(
    service: S,
    method: M,
    request: RequestOf<Clients[S][M]>,
    context: InternalContext,
    options: { deadlineMs?: number } = {},
  ): Promise<ResponseOf<Clients[S][M]>> {
    const client = this.clients[service];
    const metadata = await this.metadataFor(context, SERVED_BY[service]);
    const fn = (client as unknown as Record<string, Parameters<typeof callUnary>[1]>)[method];
    return callUnary(client as unknown as Client, fn, request, metadata, options.deadlineMs ?? this.deadlineMs) as Promise<ResponseOf<Clients[S][M]>>;
  }

  /**
   * Opens the team's transaction export once its first chunk has come (a failure before
   * that rejects, like a unary call). Cancel it when its reader goes away.
   */
  async exportTransactions(request: ExportTransactionsRequest, context: InternalContext): Promise<ServerStream<ExportTransactionsChunk>> {
    const metadata = await this.metadataFor(context, 'transactions');
    return openServerStream(this.ledgerExport, this.ledgerExport.exportTransactions, request, metadata, {
      firstMessageMs: this.deadlineMs,
      totalMs: EXPORT_DEADLINE_MS,
    });
  }

  /** What every call carries: the caller's context token for that process, and the request id. */
  private async metadataFor(context: InternalContext, audience: DownstreamProcess): Promise<Metadata> {
    const metadata = new Metadata();
    metadata.set(CONTEXT_METADATA_KEY, await this.signer.sign(context, audience));
    metadata.set(REQUEST_ID_KEY, context.requestId);
    return metadata;
  }

  close(): void {
    this.ledgerExport.close();
    for (const client of Object.values(this.clients) as Client[]) client.close();
  }
}
