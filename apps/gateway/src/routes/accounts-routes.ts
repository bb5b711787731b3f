import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf } from '../http/caller';
import { Problem } from '../http/problem';
import { TEAM_READ, TEAM_WRITE, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { ACCOUNT_KIND_TO_PROTO, ACCOUNT_KINDS, accountJson } from './account-json';
import { conditionally, ifMatchVersion, setEtag } from './etag';
import { idFromPath, ledgerFields, moneyFrom } from './ledger-fields';

const accountFields = {
  name: z.string().trim().min(1).max(100),
  kind: z.enum(ACCOUNT_KINDS, { error: `must be one of ${ACCOUNT_KINDS.join(', ')}` }),
  provider: z.string().max(60),
  opening_balance: ledgerFields.amount,
};

const createAccountBody = z.strictObject({
  id: ledgerFields.id.optional(),
  name: accountFields.name,
  kind: accountFields.kind,
  provider: accountFields.provider.default(''),
  currency: ledgerFields.currency,
  opening_balance: accountFields.opening_balance.default('0'),
  allow_negative: z.boolean().default(true),
});

const updateAccountBody = z
  .strictObject({
    name: accountFields.name.optional(),
    kind: accountFields.kind.optional(),
    provider: accountFields.provider.optional(),
    // The currency never changes; it is sent to read the opening balance in it.
    opening_balance: accountFields.opening_balance.optional(),
    currency: ledgerFields.currency.optional(),
    archived: z.boolean().optional(),
    allow_negative: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'currency'), 'send at least one field to change')
  .refine((body) => (body.opening_balance === undefined) === (body.currency === undefined), {
    message: 'send opening_balance with the account’s currency',
    path: ['currency'],
  });

const listAccountsQuery = z.strictObject({ include_archived: ledgerFields.flag.optional() });

const notFound = () => new Problem(404, 'TRANSACTIONS_ACCOUNT_NOT_FOUND', 'account not found');

export function accountsRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('post', '/accounts', TEAM_WRITE, async (req, res) => {
    const body = validate(createAccountBody, req.body ?? {});
    const { account, created } = await downstream.call(
      'transactions',
      'createAccount',
      {
        id: body.id ?? '',
        name: body.name,
        kind: ACCOUNT_KIND_TO_PROTO[body.kind],
        provider: body.provider,
        openingBalance: moneyFrom(body.opening_balance, body.currency, { amount: 'opening_balance', currency: 'currency' }),
        allowNegative: body.allow_negative,
      },
      callerOf(res),
    );
    res.setHeader('Location', `/v1/accounts/${account!.id}`);
    setEtag(res, account!.version);
    res.status(created ? 201 : 200).json(accountJson(account!));
  });

  routes.route('get', '/accounts', TEAM_READ, async (req, res) => {
    const query = validate(listAccountsQuery, req.query);
    const { accounts } = await downstream.call('transactions', 'listAccounts', { includeArchived: query.include_archived ?? false }, callerOf(res));
    res.json({ accounts: accounts.map(accountJson) });
  });

  routes.route('get', '/accounts/:id', TEAM_READ, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const { account } = await downstream.call('transactions', 'getAccount', { id }, callerOf(res));
    setEtag(res, account!.version);
    res.json(accountJson(account!));
  });

  // If-Match is optional here: with it, a stale version is a 412.
  routes.route('patch', '/accounts/:id', TEAM_WRITE, async (req, res) => {
    const id = idFromPath(req.params.id, notFound);
    const body = validate(updateAccountBody, req.body ?? {});
    const version = ifMatchVersion(req) ?? 0n;
    const { account } = await conditionally(
      downstream.call(
        'transactions',
        'updateAccount',
        {
          updateMask: Object.keys(body).filter((key) => key !== 'currency'),
          account: {
            id,
            teamId: '',
            name: body.name ?? '',
            kind: body.kind ? ACCOUNT_KIND_TO_PROTO[body.kind] : 0,
            provider: body.provider ?? '',
            currencyCode: '',
            openingBalance:
              body.opening_balance !== undefined
                ? moneyFrom(body.opening_balance, body.currency ?? '', { amount: 'opening_balance', currency: 'currency' })
                : undefined,
            balance: undefined,
            archived: body.archived ?? false,
            allowNegative: body.allow_negative ?? false,
            createdBy: '',
            createdAt: undefined,
            updatedBy: '',
            updatedAt: undefined,
            version,
          },
        },
        callerOf(res),
      ),
    );
    setEtag(res, account!.version);
    res.json(accountJson(account!));
  });
}
