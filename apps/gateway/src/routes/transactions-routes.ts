import { z } from 'zod';
import { isUuid } from '@cashier/ids';
import { MoneyError, parseMoney, type Money } from '@cashier/money';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { transactionJson, TYPE_TO_PROTO } from './transaction-json';

const createTransactionBody = z.strictObject({
  id: z.uuid({ error: 'must be a UUID' }).optional(),
  type: z.enum(['expense', 'income'], { error: 'must be "expense" or "income"' }),
  amount: z.string({ error: 'must be a decimal string like "12.50"' }).max(40),
  currency: z.string({ error: 'must be an ISO 4217 code like "USD"' }).regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "USD"'),
  occurred_at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone' }),
  description: z.string().max(500).default(''),
});

function money(amount: string, currency: string): Money {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const field = error.code === 'UNKNOWN_CURRENCY' ? 'currency' : 'amount';
    throw new Problem(400, 'INVALID_REQUEST', 'the request is not valid', [{ field, message: error.message }]);
  }
}

export function transactionsRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/transactions', TEAM_WRITE, async (req, res) => {
    const body = validate(createTransactionBody, req.body ?? {});
    const { transaction, created } = await downstream.call(
      'transactions',
      'createTransaction',
      {
        id: body.id ?? '',
        type: TYPE_TO_PROTO[body.type],
        amount: money(body.amount, body.currency),
        occurredAt: new Date(body.occurred_at),
        description: body.description,
      },
      callerOf(res),
    );
    const json = transactionJson(transaction!);
    res.setHeader('Location', `/v1/transactions/${json.id}`);
    res.status(created ? 201 : 200).json(json);
  });

  routes.route('get', '/transactions/:id', TEAM_READ, async (req, res) => {
    // A malformed id is simply not found: no hint about what exists.
    if (!isUuid(String(req.params.id).toLowerCase())) {
      throw new Problem(404, 'TRANSACTIONS_NOT_FOUND', 'transaction not found');
    }
    const { transaction } = await downstream.call('transactions', 'getTransaction', { id: String(req.params.id) }, callerOf(res));
    res.json(transactionJson(transaction!));
  });
}
