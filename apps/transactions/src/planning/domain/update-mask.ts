import { ServiceError } from '@cashier/grpc';
import type { PlanningErrorCode } from './planning-error-code';

/**
 * Reads an update_mask: the proto names of the fields to change. An empty mask, or one
 * naming a field that cannot be changed, refuses the whole request.
 */
export function parseUpdateMask<F extends string>(mask: readonly string[], allowed: readonly F[], code: PlanningErrorCode): ReadonlySet<F> {
  const unknown = [...new Set(mask.filter((entry) => !(allowed as readonly string[]).includes(entry)))];
  if (mask.length === 0 || unknown.length > 0) {
    throw ServiceError.invalid(code, 'update_mask must list fields that can be changed', [
      {
        field: 'update_mask',
        description: `${unknown.length > 0 ? `"${unknown[0].slice(0, 64)}" cannot be changed; ` : ''}list one or more of: ${allowed.join(', ')}`,
      },
    ]);
  }
  return new Set(mask as readonly F[]);
}
