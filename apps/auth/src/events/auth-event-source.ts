/** CloudEvents `source` of every event auth publishes. */
export const AUTH_EVENT_SOURCE = '/cashier/auth';
