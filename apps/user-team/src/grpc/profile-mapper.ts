import type { Profile as ProfileMessage } from '@cashier/contracts/cashier/userteam/v1/userteam';
import type { StoredProfile } from '../db/profile-repository';

/** Status and update times stay inside the service. */
export function profileToProto(profile: StoredProfile): ProfileMessage {
  return {
    userId: profile.userId,
    phone: profile.phone,
    name: profile.name,
    email: profile.email,
    locale: profile.locale,
    timeZone: profile.timeZone,
    createdAt: profile.createdAt,
  };
}
