import {
  Metadata,
  status,
  type ServerErrorResponse,
  type ServerUnaryCall,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { CONTEXT_METADATA_KEY, InvalidContextTokenError, type CallerContext, type ContextTokenVerifier } from '@cashier/auth-context';
import type { Logger } from '@cashier/logger';
import { ERROR_CODE_KEY, FIELD_VIOLATIONS_KEY, REQUEST_ID_KEY } from './metadata-keys';
import { ServiceError } from './service-error';

export interface CallScope {
  caller: CallerContext;
  log: Logger;
  /** True once the client has gone away or its deadline has passed: stop and write nothing more. */
  isCancelled: () => boolean;
}

function firstString(metadata: Metadata, key: string): string | undefined {
  const value = metadata.get(key)[0];
  return typeof value === 'string' ? value : undefined;
}

function toServiceErrorResponse(error: ServiceError): Partial<ServerErrorResponse> {
  const metadata = new Metadata();
  metadata.set(ERROR_CODE_KEY, error.code);
  if (error.fieldViolations.length > 0) metadata.set(FIELD_VIOLATIONS_KEY, JSON.stringify(error.fieldViolations));
  return { code: error.grpcStatus, details: error.message, metadata };
}

/**
 * Wraps a use case as a grpc-js unary handler: verifies the caller's context token,
 * logs with the request id, maps ServiceError to its status and anything else to a
 * generic INTERNAL (details stay in the log, never on the wire).
 */
export function unaryHandler<Req, Res>(
  deps: { verifier: ContextTokenVerifier; logger: Logger; method: string },
  handler: (request: Req, scope: CallScope) => Promise<Res>,
): (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => void {
  return (call, callback) => {
    const started = performance.now();
    const requestId = firstString(call.metadata, REQUEST_ID_KEY) ?? 'none';
    let log = deps.logger.child({ requestId, method: deps.method });
    void (async () => {
      try {
        const caller = await deps.verifier.verify(firstString(call.metadata, CONTEXT_METADATA_KEY));
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
