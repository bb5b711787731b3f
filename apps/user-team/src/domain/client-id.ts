import { ServiceError } from '@cashier/grpc';
import { isUuid } from '@cashier/ids';
import { UserTeamErrorCode } from './user-team-error-code';

/**
 * An id as a client sent it, lower-cased; undefined when it is not a UUID, in which case
 * the thing it names cannot exist and the caller gets the same NOT_FOUND as for a missing one.
 */
export function parseClientId(value: string): string | undefined {
  const id = value.toLowerCase();
  return isUuid(id) ? id : undefined;
}

/** The user id the gateway vouched for; anything but a UUID means the context is not one this service can act on. */
export function callerUserId(caller: { userId: string }): string {
  const userId = parseClientId(caller.userId);
  if (!userId) throw ServiceError.unauthenticated(UserTeamErrorCode.InvalidCaller, 'caller context missing or invalid');
  return userId;
}
