import type { UserContext } from '@cashier/auth-context';
import type { StoredProfile } from '../db/profile-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { callerUserId } from '../domain/client-id';
import { profileNotReady } from '../domain/user-team-errors';

/** The caller's profile; NOT_FOUND (profile not ready) until auth's registration event has been applied. */
export async function getMe(store: UserTeamStore, caller: UserContext): Promise<StoredProfile> {
  const profile = await store.read.profiles.findByUserId(callerUserId(caller));
  if (!profile) throw profileNotReady();
  return profile;
}
