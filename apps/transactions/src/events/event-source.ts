export const EVENT_SOURCE = '/cashier/transactions';
