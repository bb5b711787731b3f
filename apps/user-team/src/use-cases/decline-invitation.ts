import type { UserContext } from '@cashier/auth-context';
import type { UserTeamStore } from '../db/user-team-store';
import { lockAnswerableInvitation } from './answerable-invitation';

/** Turns down an invitation that is the caller's, pending and unexpired. */
export async function declineInvitation(store: UserTeamStore, caller: UserContext, invitationId: string, now = new Date()): Promise<void> {
  await store.transaction(async (repositories) => {
    const { invitation, userId } = await lockAnswerableInvitation(repositories, caller, invitationId, now);
    await repositories.invitations.close(invitation.id, 'declined', userId, now);
  });
}
