import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { CONTEXT_METADATA_KEY, InvalidContextTokenError, type CallerContext } from '@cashier/auth-context';
import { REQUEST_ID_KEY } from './metadata-keys';
import { ServiceError } from './service-error';
import { asTeamCaller, firstString, toServiceErrorResponse, type CallScope, type HandlerDeps } from './unary-handler';

export interface StreamScope<Res> extends CallScope<CallerContext> {
  /**
   * Sends one message and resolves once the transport can take another (at once, or after
   * 'drain'), so a slow client slows the producer. Rejects when the client has gone away;
   * the wrapper treats that as a cancelled call, not a failure.
   */
  write: (message: Res) => Promise<void>;
}

class ClientGoneError extends Error {
  constructor() {
    super('the client cancelled the call or its deadline passed');
    this.name = 'ClientGoneError';
  }
}

function writer<Res>(call: ServerWritableStream<unknown, Res>): (message: Res) => Promise<void> {
  return (message) => {
    if (call.cancelled || call.destroyed) return Promise.reject(new ClientGoneError());
    if (call.write(message)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const settle = (gone: boolean) => {
        call.off('drain', onDrain);
        call.off('cancelled', onGone);
        call.off('close', onGone);
        if (gone) reject(new ClientGoneError());
        else resolve();
      };
      const onDrain = () => settle(false);
      const onGone = () => settle(true);
      call.once('drain', onDrain);
      call.once('cancelled', onGone);
      call.once('close', onGone);
    });
  };
}

/**
 * The server-streaming counterpart of unaryHandler, for a call inside one team: verifies
 * the gateway's context token the same way, logs with the request id, ends the stream when
 * the handler returns, and on failure ends it with the status unaryHandler would answer
 * (ServiceError -> its status, anything else -> a generic INTERNAL). Messages already sent
 * stay sent: the client sees them followed by the error status.
 */
export function serverStreamingHandler<Req, Res>(
  deps: HandlerDeps,
  handler: (request: Req, scope: StreamScope<Res>) => Promise<void>,
): (call: ServerWritableStream<Req, Res>) => void {
  return (call) => {
    const started = performance.now();
    const requestId = firstString(call.metadata, REQUEST_ID_KEY) ?? 'none';
    let log = deps.logger.child({ requestId, method: deps.method });
    let messages = 0;
    const write = writer(call as ServerWritableStream<unknown, Res>);
    const elapsed = () => ({ ms: Math.round(performance.now() - started), messages });
    void (async () => {
      try {
        const caller = asTeamCaller(await deps.verifier.verify(firstString(call.metadata, CONTEXT_METADATA_KEY), requestId));
        log = log.child({ userId: caller.userId, teamId: caller.teamId });
        await handler(call.request, {
          caller,
          log,
          isCancelled: () => call.cancelled,
          write: async (message) => {
            await write(message);
            messages += 1;
          },
        });
        if (call.cancelled) throw new ClientGoneError();
        log.info(elapsed(), 'call ok');
        call.end();
      } catch (error) {
        if (error instanceof ClientGoneError || call.cancelled) {
          log.info(elapsed(), 'call cancelled by the client');
        } else if (error instanceof InvalidContextTokenError) {
          log.warn({ reason: error.message }, 'call refused: bad context token');
          call.emit('error', { code: status.UNAUTHENTICATED, details: 'caller context missing or invalid' });
        } else if (error instanceof ServiceError) {
          log.info({ code: error.code, status: status[error.grpcStatus], ...elapsed() }, 'call failed');
          call.emit('error', toServiceErrorResponse(error));
        } else {
          log.error({ err: error, ...elapsed() }, 'call failed unexpectedly');
          call.emit('error', { code: status.INTERNAL, details: 'internal error' });
        }
      }
    })();
  };
}
