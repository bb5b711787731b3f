import type { UserTeamDb } from './create-prisma';
import type { Profile } from './generated/client';
import type { ProfileChanges } from '../domain/profile-changes';

export type StoredProfile = Profile;

export class ProfileRepository {
  constructor(private readonly db: UserTeamDb) {}

  findByUserId(userId: string): Promise<StoredProfile | null> {
    return this.db.profile.findUnique({ where: { userId } });
  }

  findByUserIds(userIds: readonly string[]): Promise<StoredProfile[]> {
    return this.db.profile.findMany({ where: { userId: { in: [...userIds] } } });
  }

  /** Creates the profile of a newly registered user; an existing one is left as it is. True when created. */
  async createIfMissing(userId: string, phone: string, createdAt: Date): Promise<boolean> {
    const { count } = await this.db.profile.createMany({
      data: [{ userId, phone, createdAt, updatedAt: createdAt }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Applies exactly the given changes; null when the profile does not exist (yet). */
  async update(userId: string, changes: ProfileChanges, now: Date): Promise<StoredProfile | null> {
    const { count } = await this.db.profile.updateMany({ where: { userId }, data: { ...changes, updatedAt: now } });
    return count === 0 ? null : this.findByUserId(userId);
  }
}
