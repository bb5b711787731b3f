import type { Role } from '@cashier/auth-context';
import type { UserTeamDb } from './create-prisma';
import type { Invitation } from './generated/client';

export type StoredInvitation = Invitation;
export type InvitationWithTeamName = Invitation & { team: { name: string } };

const WITH_TEAM_NAME = { team: { select: { name: true } } } as const;
const LIST_LIMIT = 200;

export class InvitationRepository {
  constructor(private readonly db: UserTeamDb) {}

  create(input: {
    id: string;
    teamId: string;
    phone: string;
    role: Role;
    invitedBy: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<InvitationWithTeamName> {
    return this.db.invitation.create({ data: input, include: WITH_TEAM_NAME });
  }

  /** Every invitation created since then, whatever became of it: the cap counts sending, not outcomes. */
  countCreatedSince(teamId: string, since: Date): Promise<number> {
    return this.db.invitation.count({ where: { teamId, createdAt: { gt: since } } });
  }

  /** A pending invitation addressed to this phone; anyone else's, or an answered one, is null. */
  findPendingFor(id: string, phone: string): Promise<StoredInvitation | null> {
    return this.db.invitation.findFirst({ where: { id, phone, status: 'pending' } });
  }

  listOpenForPhone(phone: string, now: Date): Promise<InvitationWithTeamName[]> {
    return this.db.invitation.findMany({
      where: { phone, status: 'pending', expiresAt: { gt: now }, team: { deletedAt: null } },
      include: WITH_TEAM_NAME,
      orderBy: { createdAt: 'desc' },
      take: LIST_LIMIT,
    });
  }

  listOpenForTeam(teamId: string, now: Date): Promise<InvitationWithTeamName[]> {
    return this.db.invitation.findMany({
      where: { teamId, status: 'pending', expiresAt: { gt: now } },
      include: WITH_TEAM_NAME,
      orderBy: { createdAt: 'desc' },
      take: LIST_LIMIT,
    });
  }

  /** Revokes the team's pending invitations, all of them or only one phone's. */
  async revokePending(teamId: string, by: string, now: Date, phone?: string): Promise<void> {
    await this.db.invitation.updateMany({
      where: { teamId, status: 'pending', ...(phone === undefined ? {} : { phone }) },
      data: { status: 'revoked', closedAt: now, closedBy: by },
    });
  }

  async close(id: string, outcome: 'accepted' | 'declined', by: string, now: Date): Promise<void> {
    await this.db.invitation.update({ where: { id }, data: { status: outcome, closedAt: now, closedBy: by } });
  }
}
