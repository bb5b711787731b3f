import type { Role } from '@cashier/auth-context';
import { ServiceError, type FieldViolation } from '@cashier/grpc';
import { InvalidPhoneError, normalizePhone } from '@cashier/phone';
import { UserTeamErrorCode } from './user-team-error-code';

export interface InvitationRequest {
  /** E.164. */
  phone: string;
  role: Role;
}

const REGION = /^[A-Z]{2}$/;

/** Whom to invite and as what: a phone number as typed (plus the region it was typed in) and a role. */
export function validateInvitationRequest(input: { phone: string; defaultRegion: string; role: Role | undefined }): InvitationRequest {
  const violations: FieldViolation[] = [];
  const region = input.defaultRegion.trim().toUpperCase();
  let phone = '';
  if (region !== '' && !REGION.test(region)) {
    violations.push({ field: 'default_region', description: 'must be a two-letter country code like "BD"' });
  } else {
    try {
      phone = normalizePhone(input.phone, region || undefined);
    } catch (error) {
      if (!(error instanceof InvalidPhoneError)) throw error;
      violations.push({ field: 'phone', description: error.message });
    }
  }
  if (!input.role) violations.push({ field: 'role', description: 'must be admin, cashier or observer' });
  if (violations.length > 0) throw ServiceError.invalid(UserTeamErrorCode.InvalidInvitation, 'the invitation is not valid', violations);
  return { phone, role: input.role! };
}
