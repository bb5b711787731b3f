import { ServiceError } from '@cashier/grpc';

/** The ServiceError a function throws (fails the test when it throws nothing or something else). */
export function serviceErrorOf(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}
