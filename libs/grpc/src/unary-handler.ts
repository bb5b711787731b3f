import {
  Metadata,
  status,
  type ServerErrorResponse,
  type ServerUnaryCall,
  type sendUnaryData,
} from '@grpc/grpc-js';
import {
  CONTEXT_METADATA_KEY,
  InvalidContextTokenError,
  type CallerContext,
  type ContextTokenVerifier,
  type InternalContext,
  type UserContext,
} from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import { ERROR_CODE_KEY, FIELD_VIOLATIONS_KEY, REQUEST_ID_KEY } from './metadata-keys';
import { ServiceError } from './service-error';

export interface CallScope<C extends InternalContext = CallerContext> {
  caller: C;
  log: Logger;
  /** True once the client has gone away or its deadline has passed: stop and write nothing more. */
  isCancelled: () => boolean;
}

export interface HandlerDeps {
  verifier: ContextTokenVerifier;
  logger: Logger;
  method: string;
}

type Narrow<C extends InternalContext> = (context: InternalContext) => C;

export function firstString(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  return typeof value === 'string' ? value : undefined;
}

export function toServiceErrorResponse(error: ServiceError): Partial<ServerErrorResponse> {
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_KEY, error.code);
  if (error.fieldViolations.length > 0) metadata.set(FIELD_VIOLATIONS_KEY, JSON.stringify(error.fieldViolations));
  return { code: error.grpcStatus, details: error.message, metadata };
}

function makeHandler<C extends InternalContext, Req, Res>(
  narrow: Narrow<C>,
  deps: HandlerDeps,
  handler: (request: Req, scope: CallScope<C>) => Promise<Res>,
): (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void {
  return (call, callback) => {
    const started = performance.now();
    const requestId = firstString(call.metadata, REQUEST_ID_KEY) ?? 'none';
    let log = deps.logger.child({ requestId, method: deps.method });
    void (async () => {
      try {
        const caller = narrow(await deps.verifier.verify(firstString(call.metadata, CONTEXT_METADATA_KEY), requestId));
        log = log.child({ userId: caller.userId, teamId: caller.teamId });
        const response = await handler(call.request, { caller, log, isCancelled: () => call.cancelled });
        log.info({ ms: Math.round(performance.now() - started) }, 'call ok');
        callback(null, response);
      } catch (error) {
        if (error instanceof InvalidContextTokenError) {
          log.warn({ reason: error.message }, 'call refused: bad context token');
          callback({ code: status.UNAUTHENTICATED, details: 'caller context missing or invalid' });
        } else if (error instanceof ServiceError) {
          log.info({ code: error.code, status: status[error.grpcStatus], ms: Math.round(performance.now() - started) }, 'call failed');
          callback(toServiceErrorResponse(error));
        } else {
          log.error({ err: error }, 'call failed unexpectedly');
          callback({ code: status.INTERNAL, details: 'internal error' });
        }
      }
    })();
  };
}

export const asTeamCaller: Narrow<CallerContext> = (context) => {
  if (!context.userId || !context.teamId || !context.role) throw new InvalidContextTokenError('no team in context');
  return context as CallerContext;
};

const asUser: Narrow<UserContext> = (context) => {
  if (!context.userId) throw new InvalidContextTokenError('no user in context');
  return context as UserContext;
};

const asAnyone: Narrow<InternalContext> = (context) => context;

/**
 * Wraps a use case as a grpc-js unary handler for a call inside one team: verifies the
 * gateway's context token (it must name a user, a team and a role), logs with the request
 * id, maps ServiceError to its status and anything else to a generic INTERNAL (details stay
 * in the log, never on the wire).
 */
export function unaryHandler<Req, Res>(
  deps: HandlerDeps,
  handler: (request: Req, scope: CallScope<CallerContext>) => Promise<Res>,
) {
  return makeHandler(asTeamCaller, deps, handler);
}

/** As unaryHandler, for calls on behalf of a signed-in user outside any team. */
export function userUnaryHandler<Req, Res>(
  deps: HandlerDeps,
  handler: (request: Req, scope: CallScope<UserContext>) => Promise<Res>,
) {
  return makeHandler(asUser, deps, handler);
}

/** As unaryHandler, for calls the gateway makes before anyone is signed in (login, JWKS). */
export function publicUnaryHandler<Req, Res>(
  deps: HandlerDeps,
  handler: (request: Req, scope: CallScope<InternalContext>) => Promise<Res>,
) {
  return makeHandler(asAnyone, deps, handler);
}
