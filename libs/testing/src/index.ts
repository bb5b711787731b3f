export { grpcHealth } from './grpc-health';
export { databaseUrl, infra } from './infra-settings';
export { LocalSystem, REPO_ROOT, type LocalSystemOptions } from './local-system';
export { GATEWAY_PORT, GRPC_SERVICE_NAMES, GRPC_SERVICES, type GrpcServiceName, type ServiceName } from './services';
export { waitFor } from './wait-for';
export { KafkaProbe } from './kafka-probe';
export { scratchDatabase } from './scratch-database';
export { expectSchemaMatchesDatabase } from './expect-schema-matches-database';
