import { UserRegistered } from '@cashier/contracts/cashier/events/v1/auth';
import { PermanentEventError, processOnce, type EventHandler } from '@cashier/events';
import { isUuid } from '@cashier/ids';
import { InvalidPhoneError, normalizePhone } from '@cashier/phone';
import type { UserTeamDb, UserTeamPrisma } from '../db/create-prisma';
import { ProfileRepository } from '../db/profile-repository';

export const PROFILES_CONSUMER_GROUP = 'user-team.profiles';

function decode(payload: Buffer): { userId: string; phone: string; registeredAt: Date } {
  let message: UserRegistered;
  try {
    message = UserRegistered.decode(payload);
  } catch (error) {
    throw new PermanentEventError(`payload is not a UserRegistered: ${(error as Error).message}`);
  }
  const userId = message.userId.toLowerCase();
  if (!isUuid(userId)) throw new PermanentEventError('user_id is not a UUID');
  let phone: string;
  try {
    phone = normalizePhone(message.phone);
  } catch (error) {
    if (error instanceof InvalidPhoneError) throw new PermanentEventError('phone is not an E.164 number');
    throw error;
  }
  return { userId, phone, registeredAt: message.registeredAt ?? new Date() };
}

/** Creates the profile of each newly registered user exactly once, however often the event arrives. */
export function createProfileOnUserRegistered(prisma: UserTeamPrisma): EventHandler {
  return async (event, log) => {
    if (!isUuid(event.id.toLowerCase())) throw new PermanentEventError('event id is not a UUID');
    const { userId, phone, registeredAt } = decode(event.payload);
    let created = false;
    const applied = await processOnce<UserTeamDb>((work) => prisma.$transaction(work), PROFILES_CONSUMER_GROUP, event.id.toLowerCase(), async (tx) => {
      created = await new ProfileRepository(tx).createIfMissing(userId, phone, registeredAt);
    });
    log.info({ userId, applied, created }, created ? 'profile created' : 'no new profile: duplicate event or existing profile');
  };
}
