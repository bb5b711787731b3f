import type { UserContext } from '@cashier/auth-context';
import type { StoredProfile } from '../db/profile-repository';
import type { UserTeamStore } from '../db/user-team-store';
import { callerUserId } from '../domain/client-id';
import type { ProfileChanges } from '../domain/profile-changes';
import { profileNotReady } from '../domain/user-team-errors';

/** Applies validated changes (see validateProfileChanges) to the caller's own profile only. */
export async function updateMe(store: UserTeamStore, caller: UserContext, changes: ProfileChanges, now = new Date()): Promise<StoredProfile> {
  const profile = await store.read.profiles.update(callerUserId(caller), changes, now);
  if (!profile) throw profileNotReady();
  return profile;
}
