import { ServiceError } from '@cashier/grpc';

/** The ServiceError `action` throws; fails the test if it throws nothing or something else. */
export function serviceErrorOf(action: () => unknown): ServiceError {
  try {
    action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}
