import { Metadata, type Client } from '@grpc/grpc-js';
import { BillingServiceClient } from '@cashier/contracts/cashier/billing/v1/billing';
import { TransactionsServiceClient } from '@cashier/contracts/cashier/transactions/v1/transactions';
import { CONTEXT_METADATA_KEY, type CallerContext, type ContextTokenSigner } from '@cashier/auth-context';
import { createClient, REQUEST_ID_KEY } from '@cashier/grpc';

export interface Downstream {
  transactions: TransactionsServiceClient;
  billing: BillingServiceClient;
  /** Metadata for one call: the caller's context token, minted for that service only. */
  metadataFor(service: 'transactions' | 'billing', caller: CallerContext): Promise<Metadata>;
  deadlineMs: number;
  close(): void;
}

export function connectDownstream(options: {
  transactionsAddr: string;
  billingAddr: string;
  signer: ContextTokenSigner;
  deadlineMs: number;
}): Downstream {
  const transactions = createClient(TransactionsServiceClient, options.transactionsAddr, ['GetTransaction']);
  const billing = createClient(BillingServiceClient, options.billingAddr, ['GetUsage']);
  return {
    transactions,
    billing,
    deadlineMs: options.deadlineMs,
    async metadataFor(service, caller) {
      const metadata = new Metadata();
      metadata.set(CONTEXT_METADATA_KEY, await options.signer.sign(caller, service));
      metadata.set(REQUEST_ID_KEY, caller.requestId);
      return metadata;
    },
    close() {
      for (const client of [transactions, billing] as Client[]) client.close();
    },
  };
}
