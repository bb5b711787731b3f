import { isUuid } from '@cashier/ids';

/** An id as a client sent it, lower-cased; undefined when it is not a UUID (so nothing can have it). */
export function parseId(value: string): string | undefined {
  const id = value.trim().toLowerCase();
  return isUuid(id) ? id : undefined;
}
