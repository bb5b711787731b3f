import { ServiceError, type FieldViolation } from '@cashier/grpc';
import { TransactionsErrorCode } from './transactions-error-code';

/**
 * Reads an update_mask: the proto names of the fields to change. Any entry not in
 * `allowed` (a typo, or a field nobody may set such as "team_id", "created_by",
 * "version" or "id") refuses the whole request, so nothing is applied half-way.
 */
export function parseUpdateMask<F extends string>(mask: readonly string[], allowed: readonly F[]): ReadonlySet<F> {
  if (mask.length === 0) {
    throw ServiceError.invalid(TransactionsErrorCode.InvalidUpdateMask, 'update_mask must list the fields to change', [
      { field: 'update_mask', description: `list one or more of: ${allowed.join(', ')}` },
    ]);
  }
  const unknown = [...new Set(mask.filter((entry) => !(allowed as readonly string[]).includes(entry)))];
  if (unknown.length > 0) {
    const violations: FieldViolation[] = unknown.slice(0, 5).map((entry) => ({
      field: 'update_mask',
      description: `"${entry.slice(0, 64)}" cannot be changed; allowed: ${allowed.join(', ')}`,
    }));
    throw ServiceError.invalid(TransactionsErrorCode.InvalidUpdateMask, 'update_mask names fields that cannot be changed', violations);
  }
  return new Set(mask as readonly F[]);
}
