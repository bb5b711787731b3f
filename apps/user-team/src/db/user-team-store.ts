import { withSerializationRetry } from '@cashier/db';
import type { UserTeamDb, UserTeamPrisma } from './create-prisma';
import { InvitationRepository } from './invitation-repository';
import { MembershipRepository } from './membership-repository';
import { OutboxWriter } from './outbox-writer';
import { ProfileRepository } from './profile-repository';
import { TeamRepository } from './team-repository';

export interface Repositories {
  profiles: ProfileRepository;
  teams: TeamRepository;
  memberships: MembershipRepository;
  invitations: InvitationRepository;
  outbox: OutboxWriter;
}

function repositoriesOn(db: UserTeamDb): Repositories {
  return {
    profiles: new ProfileRepository(db),
    teams: new TeamRepository(db),
    memberships: new MembershipRepository(db),
    invitations: new InvitationRepository(db),
    outbox: new OutboxWriter(db),
  };
}

// Row locks can make a transaction wait for another one (two admins acting on one team).
const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 10_000 };

/** The service's data: plain reads, and transactions in which a change and its events commit together. */
export class UserTeamStore {
  readonly read: Repositories;

  constructor(private readonly prisma: UserTeamPrisma) {
    this.read = repositoriesOn(prisma);
  }

  /** Runs `work` in one database transaction, run again whole after a deadlock or serialization failure. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return withSerializationRetry(() => this.prisma.$transaction((tx) => work(repositoriesOn(tx)), TRANSACTION_OPTIONS));
  }
}
