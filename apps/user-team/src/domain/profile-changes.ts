import { ServiceError, type FieldViolation } from '@cashier/grpc';
import type { Checked } from './checked';
import { checkDisplayName } from './display-name';
import { checkEmailAddress } from './email-address';
import { checkLocale } from './locale';
import { checkTimeZone } from './time-zone';
import { parseUpdateMask } from './update-mask';
import { UserTeamErrorCode } from './user-team-error-code';

/** What a user may change about themself. Id, phone and status are not in this list, on purpose. */
export const PROFILE_FIELDS = ['name', 'email', 'locale', 'time_zone'] as const;

export interface ProfileChanges {
  name?: string;
  email?: string;
  locale?: string;
  timeZone?: string;
}

/** The changes an UpdateMe request asks for: only the masked fields, each valid, or INVALID_ARGUMENT. */
export function validateProfileChanges(request: {
  updateMask: readonly string[];
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}): ProfileChanges {
  const fields = parseUpdateMask(request.updateMask, PROFILE_FIELDS);
  const changes: ProfileChanges = {};
  const violations: FieldViolation[] = [];
  const take = (field: string, checked: Checked<string>, set: (value: string) => void) => {
    if (checked.ok) set(checked.value);
    else violations.push({ field, description: checked.problem });
  };
  if (fields.has('name')) take('name', checkDisplayName(request.name), (v) => (changes.name = v));
  if (fields.has('email')) take('email', checkEmailAddress(request.email), (v) => (changes.email = v));
  if (fields.has('locale')) take('locale', checkLocale(request.locale), (v) => (changes.locale = v));
  if (fields.has('time_zone')) take('time_zone', checkTimeZone(request.timeZone), (v) => (changes.timeZone = v));
  if (violations.length > 0) throw ServiceError.invalid(UserTeamErrorCode.InvalidProfile, 'the profile is not valid', violations);
  return changes;
}
