import { UserTeamServiceService } from '@cashier/contracts/cashier/userteam/v1/userteam';
import { EventType, topicOf } from '@cashier/events';
import { runMain, startService } from '@cashier/runtime';
import { createPrisma } from './db/create-prisma';
import { UserTeamStore } from './db/user-team-store';
import { createProfileOnUserRegistered, PROFILES_CONSUMER_GROUP } from './events/create-profile-on-user-registered';
import { userTeamHandlers } from './grpc/user-team-handlers';

runMain('user-team', () =>
  startService({
    name: 'user-team',
    grpcServices: ['cashier.userteam.v1.UserTeamService'],
    createPrisma,
    register: ({ server, prisma, verifier, logger }) => {
      server.addService(UserTeamServiceService, userTeamHandlers({ store: new UserTeamStore(prisma), verifier, logger }));
      return {
        publishes: [EventType.TeamCreated, EventType.TeamDeleted, EventType.MembershipChanged],
        consumers: [
          {
            groupId: PROFILES_CONSUMER_GROUP,
            handlers: { [topicOf(EventType.UserRegistered)]: createProfileOnUserRegistered(prisma) },
          },
        ],
      };
    },
  }),
);
