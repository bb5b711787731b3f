import { credentials, Metadata } from '@grpc/grpc-js';
import { HealthClient, HealthCheckResponse_ServingStatus } from '@cashier/contracts/grpc/health/v1/health';

/** grpc.health.v1 Check with a deadline; resolves to the status name, or rejects with the gRPC error. */
export function grpcHealth(address: string, service = '', deadlineMs = 1_000): Promise<string> {
  const client = new HealthClient(address, credentials.createInsecure());
  return new Promise<string>((resolve, reject) => {
    client.check({ service }, new Metadata(), { deadline: Date.now() + deadlineMs }, (error, response) => {
      client.close();
      if (error) reject(error);
      else resolve(HealthCheckResponse_ServingStatus[response.status]);
    });
  });
}
