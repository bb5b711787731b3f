import type { UserTeamDb } from './create-prisma';
import type { Team } from './generated/client';
import type { TeamSettings } from '../domain/team-settings';

export type StoredTeam = Team;

/** A deleted team is invisible to every read here except the creation cap's count. */
export class TeamRepository {
  constructor(private readonly db: UserTeamDb) {}

  findLive(id: string): Promise<StoredTeam | null> {
    return this.db.team.findFirst({ where: { id, deletedAt: null } });
  }

  /**
   * Locks the live team's row until the transaction ends. Every change to a team's
   * settings, members or invitations takes this lock first, so those changes run one at
   * a time per team and each sees the previous one's result (the last-admin rule and the
   * invitation cap depend on that).
   */
  async lockLive(id: string): Promise<StoredTeam | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM teams WHERE id = ${id}::uuid AND deleted_at IS NULL FOR UPDATE`;
    return locked.length === 0 ? null : this.findLive(id);
  }

  /** Serialises one user's team creations until the transaction ends, so the daily cap holds under concurrency. */
  async lockCreationsBy(userId: string): Promise<void> {
    await this.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`user-team.create-team:${userId}`}, 0))`;
  }

  /** Deleted teams count too: deleting does not give the quota back. */
  countCreatedBySince(userId: string, since: Date): Promise<number> {
    return this.db.team.count({ where: { createdBy: userId, createdAt: { gt: since } } });
  }

  create(id: string, settings: TeamSettings, createdBy: string, now: Date): Promise<StoredTeam> {
    return this.db.team.create({
      data: {
        id,
        name: settings.name,
        type: settings.kind,
        baseCurrency: settings.baseCurrency,
        timeZone: settings.timeZone,
        createdBy,
        createdAt: now,
        updatedAt: now,
      },
    });
  }

  update(id: string, settings: Partial<TeamSettings>, now: Date): Promise<StoredTeam> {
    return this.db.team.update({
      where: { id },
      data: {
        name: settings.name,
        type: settings.kind,
        baseCurrency: settings.baseCurrency,
        timeZone: settings.timeZone,
        updatedAt: now,
      },
    });
  }

  async markDeleted(id: string, deletedBy: string, now: Date): Promise<void> {
    await this.db.team.update({ where: { id }, data: { deletedAt: now, deletedBy, updatedAt: now } });
  }
}
