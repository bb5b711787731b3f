import {
  Metadata,
  status,
  type CallOptions,
  type Client,
  type ClientReadableStream,
  type ServiceError as GrpcServiceError,
} from '@grpc/grpc-js';

type ServerStreamingMethod<Req, Res> = (request: Req, metadata: Metadata, options: Partial<CallOptions>) => ClientReadableStream<Res>;

export interface ServerStream<Res> {
  /** Every message of the call, the first included; throws the call's error status if it fails. */
  messages: AsyncGenerator<Res>;
  /** Ends the call (CANCELLED on the server); harmless once the call is over. */
  cancel: () => void;
}

export interface StreamDeadlines {
  /** Until the first message (or the end) must arrive, like a unary call's deadline. */
  firstMessageMs: number;
  /** For the whole stream. */
  totalMs: number;
}

function deadlineExceeded(): GrpcServiceError {
  return Object.assign(new Error(`${status.DEADLINE_EXCEEDED} DEADLINE_EXCEEDED: no first message in time`), {
    code: status.DEADLINE_EXCEEDED,
    details: 'no first message in time',
    metadata: new Metadata(),
  });
}

/**
 * Opens a server-streaming call and resolves once its first message (or its end) has come:
 * a call that fails before sending anything rejects here with its status, so the caller
 * can still answer an ordinary error. Like callUnary, it waits for a reconnecting channel,
 * within the first-message deadline. Messages are read only as fast as `messages` is
 * consumed; gRPC flow control carries that back to the server.
 */
export async function openServerStream<Req, Res>(
  client: Client,
  method: ServerStreamingMethod<Req, Res>,
  request: Req,
  metadata: Metadata,
  deadlines: StreamDeadlines,
): Promise<ServerStream<Res>> {
  const call = method.call(client, request, metadata, { deadline: Date.now() + deadlines.totalMs, waitForReady: true });
  const reader: AsyncIterator<Res> = call[Symbol.asyncIterator]();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    call.cancel();
  }, deadlines.firstMessageMs);
  let first: IteratorResult<Res>;
  try {
    first = await reader.next();
  } catch (error) {
    throw timedOut ? deadlineExceeded() : error;
  } finally {
    clearTimeout(timer);
  }
  async function* messages(): AsyncGenerator<Res> {
    try {
      for (let next = first; !next.done; next = await reader.next()) yield next.value;
    } finally {
      await reader.return?.();
    }
  }
  return { messages: messages(), cancel: () => call.cancel() };
}
