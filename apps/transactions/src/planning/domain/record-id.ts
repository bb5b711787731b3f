import { isUuid } from '@cashier/ids';

/**
 * The id of an existing record as a client sent it, lower-cased; undefined when it is not
 * a UUID, in which case the record cannot exist and the caller gets NOT_FOUND as for a missing one.
 */
export function parseRecordId(value: string): string | undefined {
  const id = value.toLowerCase();
  return isUuid(id) ? id : undefined;
}
