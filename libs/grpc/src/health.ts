import { status, type Server, type ServerUnaryCall, type ServerWritableStream, type sendUnaryData } from '@grpc/grpc-js';
import {
  HealthCheckRequest,
  HealthCheckResponse,
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthService,
} from '@cashier/contracts/grpc/health/v1/health';

export { HealthCheckResponse_ServingStatus as ServingStatus } from '@cashier/contracts/grpc/health/v1/health';

/**
 * grpc.health.v1 for one server. "" is the whole server; each registered gRPC service
 * name has its own status. Everything starts NOT_SERVING until the service says it is ready.
 */
export class HealthRegistry {
  private readonly statuses = new Map<string, ServingStatus>();
  private readonly watchers = new Map<string, Set<ServerWritableStream<HealthCheckRequest, HealthCheckResponse>>>();

  constructor(serviceNames: string[]) {
    for (const name of ['', ...serviceNames]) this.statuses.set(name, ServingStatus.NOT_SERVING);
  }

  setAll(value: ServingStatus): void {
    for (const name of this.statuses.keys()) this.set(name, value);
  }

  set(service: string, value: ServingStatus): void {
    this.statuses.set(service, value);
    for (const call of this.watchers.get(service) ?? []) call.write({ status: value });
  }

  addTo(server: Server): void {
    server.addService(HealthService, {
      check: (call: ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>, callback: sendUnaryData<HealthCheckResponse>) => {
        const value = this.statuses.get(call.request.service);
        if (value === undefined) {
          callback({ code: status.NOT_FOUND, details: `unknown service "${call.request.service}"` });
          return;
        }
        callback(null, { status: value });
      },
      watch: (call: ServerWritableStream<HealthCheckRequest, HealthCheckResponse>) => {
        const service = call.request.service;
        const watchers = this.watchers.get(service) ?? new Set();
        this.watchers.set(service, watchers);
        watchers.add(call);
        call.write({ status: this.statuses.get(service) ?? ServingStatus.SERVICE_UNKNOWN });
        call.on('cancelled', () => watchers.delete(call));
        call.on('close', () => watchers.delete(call));
      },
    });
  }

  /** Ends open Watch streams so that a graceful shutdown is not held open by them. */
  endWatches(): void {
    for (const watchers of this.watchers.values()) {
      for (const call of watchers) call.end();
      watchers.clear();
    }
  }
}
