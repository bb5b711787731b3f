import {
  credentials,
  Metadata,
  type CallOptions,
  type Client,
  type ClientOptions,
  type ChannelCredentials,
  type ServiceError as GrpcServiceError,
} from '@grpc/grpc-js';
import { MAX_MESSAGE_BYTES } from './server';

type ClientConstructor<C> = new (address: string, creds: ChannelCredentials, options?: Partial<ClientOptions>) => C;

/**
 * Retries only the listed idempotent methods, only on UNAVAILABLE, inside the call's
 * deadline; a retry throttle stops retry storms when a backend is down (gRPC A6).
 */
function serviceConfig(serviceName: string, idempotentMethods: string[]): string {
  return JSON.stringify({
    methodConfig:
      idempotentMethods.length === 0
        ? []
        : [
            {
              name: idempotentMethods.map((method) => ({ service: serviceName, method })),
              retryPolicy: {
                maxAttempts: 3,
                initialBackoff: '0.1s',
                maxBackoff: '1s',
                backoffMultiplier: 2,
                retryableStatusCodes: ['UNAVAILABLE'],
              },
            },
          ],
    retryThrottling: { maxTokens: 10, tokenRatio: 0.1 },
  });
}

export function createClient<C extends Client>(
  Ctor: ClientConstructor<C> & { serviceName: string },
  address: string,
  idempotentMethods: string[] = [],
): C {
  return new Ctor(address, credentials.createInsecure(), {
    'grpc.service_config': serviceConfig(Ctor.serviceName, idempotentMethods),
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    'grpc.keepalive_time_ms': 60_000,
    'grpc.enable_retries': 1,
    // After a backend restart, reconnect within a couple of seconds (grpc-js defaults grow to 120 s).
    'grpc.initial_reconnect_backoff_ms': 200,
    'grpc.max_reconnect_backoff_ms': 2_000,
  });
}

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: GrpcServiceError | null, response: Res) => void,
) => unknown;

/**
 * Calls a unary method with a deadline (every call has one) and returns a promise. The call
 * waits, within its deadline, for a channel that is reconnecting instead of failing at once:
 * nothing has been sent yet, so waiting is safe even for writes.
 */
export function callUnary<Req, Res>(
  client: Client,
  method: UnaryMethod<Req, Res>,
  request: Req,
  metadata: Metadata,
  deadlineMs: number,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    method.call(client, request, metadata, { deadline: Date.now() + deadlineMs, waitForReady: true }, (error, response) =>
      error ? reject(error) : resolve(response),
    );
  });
}
