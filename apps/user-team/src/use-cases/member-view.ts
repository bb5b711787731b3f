import type { Role } from '@cashier/auth-context';
import type { StoredMembership } from '../db/membership-repository';
import type { StoredProfile } from '../db/profile-repository';
import { visiblePhone } from '../domain/member-phone';

/** A member as one viewer sees them; the phone is already masked where it must be. */
export interface MemberView {
  userId: string;
  name: string;
  phone: string;
  role: Role;
  joinedAt: Date;
}

/** `profile` may be missing for a member whose registration event has not arrived yet. */
export function memberView(
  membership: StoredMembership,
  profile: StoredProfile | undefined | null,
  viewer: { userId: string; role: Role },
): MemberView {
  return {
    userId: membership.userId,
    name: profile?.name ?? '',
    phone: visiblePhone(profile?.phone ?? '', membership.userId, viewer),
    role: membership.role,
    joinedAt: membership.joinedAt,
  };
}
