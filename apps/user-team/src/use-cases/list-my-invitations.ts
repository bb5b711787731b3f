import type { UserContext } from '@cashier/auth-context';
import type { InvitationWithTeamName } from '../db/invitation-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { callerUserId } from '../domain/client-id';

/** Pending, unexpired invitations to the caller's phone, in live teams; none while the profile is not ready. */
export async function listMyInvitations(store: UserTeamStore, caller: UserContext, now = new Date()): Promise<InvitationWithTeamName[]> {
  const profile = await store.read.profiles.findByUserId(callerUserId(caller));
  return profile ? store.read.invitations.listOpenForPhone(profile.phone, now) : [];
}
