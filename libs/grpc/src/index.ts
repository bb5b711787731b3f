export { callUnary, createClient } from './client';
export { HealthRegistry, ServingStatus } from './health';
export { ERROR_CODE_KEY, FIELD_VIOLATIONS_KEY, REQUEST_ID_KEY } from './metadata-keys';
export { bindServer, createGrpcServer, MAX_MESSAGE_BYTES, stopServer } from './server';
export { ServiceError, type FieldViolation } from './service-error';
export { openServerStream, type ServerStream, type StreamDeadlines } from './server-streaming-call';
export { serverStreamingHandler, type StreamScope } from './server-streaming-handler';
export { publicUnaryHandler, unaryHandler, userUnaryHandler, type CallScope, type HandlerDeps } from './unary-handler';
