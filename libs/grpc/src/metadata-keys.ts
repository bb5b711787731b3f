/** gRPC metadata keys CashierAI uses between services. */
export const REQUEST_ID_KEY = 'x-request-id';
export const ERROR_CODE_KEY = 'x-error-code';
export const FIELD_VIOLATIONS_KEY = 'x-field-violations';
