import type {
  CreateAccountRequest,
  CreateAccountResponse,
  GetAccountRequest,
  GetAccountResponse,
  ListAccountsRequest,
  ListAccountsResponse,
  UpdateAccountRequest,
  UpdateAccountResponse,
} from '@cashier/contracts/cashier/transactions/v1/transactions';
import { unaryHandler } from '@cashier/grpc';
import { validateNewAccount } from '../domain/new-account';
import { createAccount } from '../use-cases/create-account';
import { getAccount, listAccounts } from '../use-cases/get-account';
import { updateAccount } from '../use-cases/update-account';
import { accountKindFromProto, accountToProto } from './account-mapper';
import type { HandlerDeps } from './handler-deps';

export function accountHandlers(deps: HandlerDeps) {
  const base = { verifier: deps.verifier, logger: deps.logger };
  return {
    createAccount: unaryHandler<CreateAccountRequest, CreateAccountResponse>(
      { ...base, method: 'CreateAccount' },
      async (request, { caller, log }) => {
        const input = validateNewAccount({
          id: request.id,
          name: request.name,
          kind: accountKindFromProto(request.kind),
          provider: request.provider,
          openingBalance: request.openingBalance,
          allowNegative: request.allowNegative,
        });
        const result = await createAccount(deps.prisma, caller, input);
        log.info({ accountId: result.account.account.id, created: result.created }, 'account opened');
        return { account: accountToProto(result.account), created: result.created };
      },
    ),
    getAccount: unaryHandler<GetAccountRequest, GetAccountResponse>(
      { ...base, method: 'GetAccount' },
      async (request, { caller }) => ({ account: accountToProto(await getAccount(deps.prisma, caller, request.id)) }),
    ),
    listAccounts: unaryHandler<ListAccountsRequest, ListAccountsResponse>(
      { ...base, method: 'ListAccounts' },
      async (request, { caller }) => ({
        accounts: (await listAccounts(deps.prisma, caller, request.includeArchived)).map(accountToProto),
      }),
    ),
    updateAccount: unaryHandler<UpdateAccountRequest, UpdateAccountResponse>(
      { ...base, method: 'UpdateAccount' },
      async (request, { caller }) => {
        const values = request.account;
        const view = await updateAccount(deps.prisma, caller, {
          id: values?.id ?? '',
          expectedVersion: values?.version ?? 0n,
          updateMask: request.updateMask,
          values: {
            name: values?.name ?? '',
            kind: values ? accountKindFromProto(values.kind) : undefined,
            provider: values?.provider ?? '',
            openingBalance: values?.openingBalance,
            archived: values?.archived ?? false,
            allowNegative: values?.allowNegative ?? false,
          },
        });
        return { account: accountToProto(view) };
      },
    ),
  };
}
