export { runMain } from './fail-fast';
export { loadServiceConfig, serviceConfigShape, type ServiceConfig } from './service-config';
export { onShutdown, type ShutdownStep } from './shutdown';
export {
  startService,
  type Disconnectable,
  type ServiceContext,
  type ServiceDefinition,
  type ServiceParts,
} from './start-service';
