import { randomInt } from 'node:crypto';
import { Metadata, status, type Client, type Server, type ServiceError as GrpcError } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import {
  CONTEXT_METADATA_KEY,
  ContextTokenSigner,
  ContextTokenVerifier,
  generateContextKeyPair,
  type Role,
} from '@cashier/auth-context';
import { UserRegistered } from '@cashier/contracts/cashier/events/v1/auth';
import {
  Role as ProtoRole,
  TeamType,
  UserTeamServiceClient,
  UserTeamServiceService,
  type Team,
} from '@cashier/contracts/cashier/userteam/v1/userteam';
import { createPool } from '@cashier/db';
import { EventType, type EventHandler, type ReceivedEvent } from '@cashier/events';
import { bindServer, callUnary, createClient, createGrpcServer, ERROR_CODE_KEY, REQUEST_ID_KEY, stopServer } from '@cashier/grpc';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { databaseUrl } from '@cashier/testing';
import { createPrisma, type UserTeamPrisma } from '../../db/create-prisma';
import { UserTeamStore } from '../../db/user-team-store';
import { createProfileOnUserRegistered } from '../../events/create-profile-on-user-registered';
import { userTeamHandlers } from '../../grpc/user-team-handlers';

const silent = createLogger('user-team-test', 'silent');

export interface User {
  userId: string;
  phone: string;
}

type Method = Exclude<keyof UserTeamServiceClient, keyof Client>;
// The last overload of each generated method is (request, metadata, options, callback).
type RequestOf<M extends Method> = Parameters<UserTeamServiceClient[M]>[0];
type ResponseOf<M extends Method> = Parameters<Parameters<UserTeamServiceClient[M]>[3]>[1];

/** A failed call as a test cares about it: the gRPC status and the service's error code. */
export interface CallFailure {
  status: status;
  code: string | undefined;
  details: string;
}

export const PROTO_ROLE: Record<Role, ProtoRole> = {
  admin: ProtoRole.ROLE_ADMIN,
  cashier: ProtoRole.ROLE_CASHIER,
  observer: ProtoRole.ROLE_OBSERVER,
};

/** A Bangladeshi mobile number nobody else in the test database has. */
export function randomPhone(): string {
  return `+8801${randomInt(3, 10)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/**
 * The user-team service as the gateway sees it: the real handlers on a gRPC server on a
 * random loopback port, the real PostgreSQL database, and context tokens signed with a
 * fresh key pair for audience 'user-team'.
 */
export class UserTeamTestServer {
  readonly pool: Pool;
  readonly prisma: UserTeamPrisma;
  private server!: Server;
  private client!: UserTeamServiceClient;
  private signer!: ContextTokenSigner;
  readonly onUserRegistered: EventHandler;

  constructor() {
    this.pool = createPool({ url: databaseUrl('cashier_user_team'), applicationName: 'user-team-test', max: 10 });
    this.prisma = createPrisma(this.pool);
    this.onUserRegistered = createProfileOnUserRegistered(this.prisma);
  }

  async start(): Promise<void> {
    const { privateJwk, publicJwk } = await generateContextKeyPair();
    this.signer = await ContextTokenSigner.fromJwk(privateJwk);
    const verifier = await ContextTokenVerifier.fromJwk(publicJwk, 'user-team');
    this.server = createGrpcServer();
    this.server.addService(UserTeamServiceService, userTeamHandlers({ store: new UserTeamStore(this.prisma), verifier, logger: silent }));
    const port = await bindServer(this.server, '127.0.0.1', 0);
    this.client = createClient(UserTeamServiceClient, `127.0.0.1:${port}`);
  }

  async stop(): Promise<void> {
    this.client?.close();
    if (this.server) await stopServer(this.server, 1_000);
    await this.prisma.$disconnect();
    await this.pool.end();
  }

  /** Calls as `user`, inside `team` with `role` when given (the role the gateway would put in the token). */
  async call<M extends Method>(method: M, request: RequestOf<M>, user: User, team?: { teamId: string; role: Role }): Promise<ResponseOf<M>> {
    const requestId = `test-${uuidv7()}`;
    const token = await this.signer.sign({ requestId, userId: user.userId, teamId: team?.teamId, role: team?.role }, 'user-team');
    const metadata = new Metadata();
    metadata.set(REQUEST_ID_KEY, requestId);
    metadata.set(CONTEXT_METADATA_KEY, token);
    const fn = this.client[method] as unknown as Parameters<typeof callUnary<RequestOf<M>, ResponseOf<M>>>[1];
    return callUnary<RequestOf<M>, ResponseOf<M>>(this.client, fn, request, metadata, 10_000);
  }

  /** The failure of a call that must fail. */
  async failure(call: Promise<unknown>): Promise<CallFailure> {
    try {
      await call;
    } catch (error) {
      const grpc = error as GrpcError;
      if (typeof grpc.code !== 'number') throw error;
      const code = grpc.metadata?.get(ERROR_CODE_KEY)[0];
      return { status: grpc.code, code: typeof code === 'string' ? code : undefined, details: grpc.details };
    }
    throw new Error('expected the call to fail');
  }

  /** A UserRegistered event as the consumer would receive it from Kafka. */
  userRegisteredEvent(user: User, eventId = uuidv7()): ReceivedEvent {
    return {
      id: eventId,
      source: '/cashier/auth',
      type: EventType.UserRegistered,
      subject: user.userId,
      time: new Date().toISOString(),
      payload: Buffer.from(UserRegistered.encode({ userId: user.userId, phone: user.phone, registeredAt: new Date() }).finish()),
      topic: EventType.UserRegistered,
      partition: 0,
      offset: '0',
    };
  }

  /** A user auth has registered and whose profile exists here. */
  async registeredUser(phone = randomPhone()): Promise<User> {
    const user = { userId: uuidv7(), phone };
    await this.onUserRegistered(this.userRegisteredEvent(user), silent);
    return user;
  }

  async createTeam(admin: User, name = 'Rahman family'): Promise<Team> {
    const { team } = await this.call('createTeam', { name, type: TeamType.TEAM_TYPE_FAMILY, baseCurrency: 'BDT', timeZone: 'Asia/Dhaka' }, admin);
    return team!;
  }

  /** A new member of `team` with `role`, through a real invitation and acceptance. */
  async addMember(admin: User, team: Team, role: Role): Promise<User> {
    const member = await this.registeredUser();
    const { invitation } = await this.call('inviteMember', { phone: member.phone, defaultRegion: '', role: PROTO_ROLE[role] }, admin, {
      teamId: team.id,
      role: 'admin',
    });
    await this.call('acceptInvitation', { invitationId: invitation!.id }, member);
    return member;
  }

  async outboxTypes(teamId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ type: string }>('SELECT type FROM outbox WHERE team_id = $1 ORDER BY seq', [teamId]);
    return rows.map((row) => row.type);
  }
}
