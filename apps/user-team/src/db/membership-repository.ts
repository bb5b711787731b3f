import type { Role } from '@cashier/auth-context';
import { uuidv7 } from '@cashier/ids';
import type { UserTeamDb } from './create-prisma';
import type { Membership, Team } from './generated/client';

export type StoredMembership = Membership;
export type MembershipWithTeam = Membership & { team: Team };

/** Only active memberships (ended_at IS NULL) count anywhere; ended ones are history. */
export class MembershipRepository {
  constructor(private readonly db: UserTeamDb) {}

  findActive(teamId: string, userId: string): Promise<StoredMembership | null> {
    return this.db.membership.findFirst({ where: { teamId, userId, endedAt: null } });
  }

  findActiveInLiveTeam(teamId: string, userId: string): Promise<MembershipWithTeam | null> {
    return this.db.membership.findFirst({
      where: { teamId, userId, endedAt: null, team: { deletedAt: null } },
      include: { team: true },
    });
  }

  /** The gateway's per-request membership check: one statement on the (team_id, user_id) index. */
  async roleInLiveTeam(teamId: string, userId: string): Promise<Role | null> {
    const found = await this.db.membership.findFirst({
      where: { teamId, userId, endedAt: null, team: { deletedAt: null } },
      select: { role: true },
    });
    return found?.role ?? null;
  }

  listActive(teamId: string): Promise<StoredMembership[]> {
    return this.db.membership.findMany({ where: { teamId, endedAt: null }, orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }] });
  }

  listActiveInLiveTeamsOf(userId: string): Promise<MembershipWithTeam[]> {
    return this.db.membership.findMany({
      where: { userId, endedAt: null, team: { deletedAt: null } },
      include: { team: true },
      orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
    });
  }

  countAdmins(teamId: string): Promise<number> {
    return this.db.membership.count({ where: { teamId, endedAt: null, role: 'admin' } });
  }

  async hasActiveMemberWithPhone(teamId: string, phone: string): Promise<boolean> {
    const rows = await this.db.$queryRaw<unknown[]>`
      SELECT 1 FROM memberships m JOIN profiles p ON p.user_id = m.user_id
      WHERE m.team_id = ${teamId}::uuid AND m.ended_at IS NULL AND p.phone = ${phone}
      LIMIT 1`;
    return rows.length > 0;
  }

  add(teamId: string, userId: string, role: Role, now: Date): Promise<StoredMembership> {
    return this.db.membership.create({ data: { id: uuidv7(), teamId, userId, role, joinedAt: now, updatedAt: now } });
  }

  changeRole(id: string, role: Role, now: Date): Promise<StoredMembership> {
    return this.db.membership.update({ where: { id }, data: { role, updatedAt: now } });
  }

  async end(id: string, now: Date): Promise<void> {
    await this.db.membership.update({ where: { id }, data: { endedAt: now, updatedAt: now } });
  }

  /** Ends every active membership of the team and returns them as they were. */
  async endAll(teamId: string, now: Date): Promise<StoredMembership[]> {
    const active = await this.listActive(teamId);
    await this.db.membership.updateMany({ where: { teamId, endedAt: null }, data: { endedAt: now, updatedAt: now } });
    return active;
  }
}
