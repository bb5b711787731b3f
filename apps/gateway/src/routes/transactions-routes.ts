import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { conditionally, ifMatchVersion, requiredIfMatch, setEtag } from './etag';
import { idFromPath } from './ledger-fields';
import { createRequestOf, createTransactionBody, updateRequestOf, updateTransactionBody } from './transaction-body';
import { transactionJson } from './transaction-json';
import { listRequestOf, listTransactionsQuery } from './transaction-list-query';

// A malformed id is simply not found: no hint about what exists.
const notFound = () => new Problem(404, 'TRANSACTIONS_NOT_FOUND', 'transaction not found');

export function transactionsRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/transactions', TEAM_WRITE, async (req, res) => {
    const body = validate(createTransactionBody, req.body ?? {});
    const { transaction, created } = await downstream.call('transactions', 'createTransaction', createRequestOf(body), callerOf(res));
    const json = transactionJson(transaction!);
    res.setHeader('Location', `/v1/transactions/${json.id}`);
    setEtag(res, json.version);
    res.status(created ? 201 : 200).json(json);
  });

  routes.route('get', '/transactions', TEAM_READ, async (req, res) => {
    const query = validate(listTransactionsQuery, req.query);
    const page = await downstream.call('transactions', 'listTransactions', listRequestOf(query), callerOf(res));
    res.json({ transactions: page.transactions.map(transactionJson), next_cursor: page.nextCursor || null });
  });

  routes.route('get', '/transactions/:id', TEAM_READ, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const { transaction } = await downstream.call('transactions', 'getTransaction', { id }, callerOf(res));
    setEtag(res, transaction!.version);
    res.json(transactionJson(transaction!));
  });

  // Optimistic concurrency: If-Match carries the ETag read; missing -> 428, stale -> 412.
  routes.route('patch', '/transactions/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const body = validate(updateTransactionBody, req.body ?? {});
    const version = requiredIfMatch(req);
    const { transaction } = await conditionally(
      downstream.call('transactions', 'updateTransaction', updateRequestOf(id, version, body), callerOf(res)),
    );
    setEtag(res, transaction!.version);
    res.json(transactionJson(transaction!));
  });

  // Soft delete; with If-Match only that version is deleted.
  routes.route('delete', '/transactions/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const version = ifMatchVersion(req);
    await conditionally(downstream.call('transactions', 'deleteTransaction', { id, expectedVersion: version ?? 0n }, callerOf(res)));
    res.status(204).end();
  });
}
