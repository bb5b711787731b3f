import { status } from '@grpc/grpc-js';
import { MembershipChanged, TeamCreated, TeamDeleted } from '@cashier/contracts/cashier/events/v1/userteam';
import { Role, TeamType, type Team } from '@cashier/contracts/cashier/userteam/v1/userteam';
import { EventType } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';
import { TEAMS_PER_USER_PER_DAY } from '../domain/limits';
import { UserTeamErrorCode } from '../domain/user-team-error-code';
import { randomPhone, UserTeamTestServer, type User } from './support/user-team-test-server';

describe('teams (gRPC + PostgreSQL)', () => {
  const service = new UserTeamTestServer();
  beforeAll(() => service.start());
  afterAll(() => service.stop());

  const admin = (team: Team) => ({ teamId: team.id, role: 'admin' as const });
  const teamRow = async (teamId: string) => (await service.pool.query('SELECT * FROM teams WHERE id = $1', [teamId])).rows[0];
  const outboxRows = async (teamId: string) =>
    (await service.pool.query<{ type: string; payload: Buffer; request_id: string }>('SELECT type, payload, request_id FROM outbox WHERE team_id = $1 ORDER BY seq', [teamId])).rows;

  describe('CreateTeam', () => {
    it('makes the creator admin and announces the team and the membership in the same transaction', async () => {
      const creator = await service.registeredUser();
      const team = await service.createTeam(creator, '  Rahman family ');
      expect(team).toMatchObject({
        name: 'Rahman family',
        type: TeamType.TEAM_TYPE_FAMILY,
        baseCurrency: 'BDT',
        timeZone: 'Asia/Dhaka',
        createdBy: creator.userId,
        myRole: Role.ROLE_ADMIN,
      });
      const memberships = await service.pool.query('SELECT user_id, role, ended_at FROM memberships WHERE team_id = $1', [team.id]);
      expect(memberships.rows).toEqual([{ user_id: creator.userId, role: 'admin', ended_at: null }]);

      const events = await outboxRows(team.id);
      expect(events.map((e) => e.type)).toEqual([EventType.TeamCreated, EventType.MembershipChanged]);
      expect(TeamCreated.decode(events[0].payload)).toMatchObject({ teamId: team.id, name: 'Rahman family', type: 'family', baseCurrency: 'BDT', createdBy: creator.userId });
      expect(MembershipChanged.decode(events[1].payload)).toEqual({ teamId: team.id, userId: creator.userId, role: 'admin', change: 'added' });
      expect(events[0].request_id).toMatch(/^test-/);
    });

    it('lists the team among the creator’s teams with their role, and answers GetMembership', async () => {
      const creator = await service.registeredUser();
      const first = await service.createTeam(creator, 'Home');
      const second = await service.createTeam(creator, 'Shop');
      const { teams } = await service.call('listMyTeams', {}, creator);
      expect(teams.map((t) => [t.id, t.myRole])).toEqual([
        [first.id, Role.ROLE_ADMIN],
        [second.id, Role.ROLE_ADMIN],
      ]);
      expect(await service.call('getMembership', { teamId: first.id.toUpperCase() }, creator)).toEqual({
        teamId: first.id,
        userId: creator.userId,
        role: Role.ROLE_ADMIN,
      });
    });

    it('refuses invalid settings with every violation and writes nothing', async () => {
      const creator = await service.registeredUser();
      const failure = await service.failure(
        service.call('createTeam', { name: '', type: TeamType.TEAM_TYPE_UNSPECIFIED, baseCurrency: 'usd', timeZone: 'Dhaka' }, creator),
      );
      expect([failure.status, failure.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidTeam]);
      const count = await service.pool.query('SELECT count(*)::int AS n FROM teams WHERE created_by = $1', [creator.userId]);
      expect(count.rows[0].n).toBe(0);
    });

    it(`caps creation at ${TEAMS_PER_USER_PER_DAY} teams per user per day, even in a burst`, async () => {
      const creator = await service.registeredUser();
      const request = { name: 'Burst', type: TeamType.TEAM_TYPE_OTHER, baseCurrency: 'USD', timeZone: 'UTC' };
      const results = await Promise.allSettled(
        Array.from({ length: TEAMS_PER_USER_PER_DAY + 5 }, () => service.call('createTeam', request, creator)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(TEAMS_PER_USER_PER_DAY);
      const failure = await service.failure(service.call('createTeam', request, creator));
      expect([failure.status, failure.code]).toEqual([status.RESOURCE_EXHAUSTED, UserTeamErrorCode.TeamLimitReached]);
      const count = await service.pool.query('SELECT count(*)::int AS n FROM teams WHERE created_by = $1', [creator.userId]);
      expect(count.rows[0].n).toBe(TEAMS_PER_USER_PER_DAY);
    });
  });

  describe('GetTeam and UpdateTeam', () => {
    it('lets any member read the team, with their own role from the database', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const observer = await service.addMember(owner, team, 'observer');
      // The token claims admin; the answer reports what the database says.
      const { team: seen } = await service.call('getTeam', {}, observer, { teamId: team.id, role: 'admin' });
      expect(seen).toMatchObject({ id: team.id, myRole: Role.ROLE_OBSERVER });
    });

    it('lets an admin change exactly the masked settings', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const { team: updated } = await service.call(
        'updateTeam',
        { updateMask: ['name', 'base_currency'], name: 'Rahman & Sons', type: TeamType.TEAM_TYPE_COMPANY, baseCurrency: 'USD', timeZone: 'Nowhere' },
        owner,
        admin(team),
      );
      expect(updated).toMatchObject({ name: 'Rahman & Sons', type: TeamType.TEAM_TYPE_FAMILY, baseCurrency: 'USD', timeZone: 'Asia/Dhaka' });
    });

    it('refuses mask entries that are not settings, changing nothing', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const before = await teamRow(team.id);
      for (const field of ['id', 'created_by', 'deleted_at', 'my_role']) {
        const failure = await service.failure(
          service.call('updateTeam', { updateMask: ['name', field], name: 'X', type: 0, baseCurrency: '', timeZone: '' }, owner, admin(team)),
        );
        expect([failure.status, failure.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidUpdateMask]);
      }
      expect(await teamRow(team.id)).toEqual(before);
    });

    it('denies cashiers and observers every admin action, even with a token that says admin', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const cashier = await service.addMember(owner, team, 'cashier');
      const observer = await service.addMember(owner, team, 'observer');
      const before = await teamRow(team.id);
      const outboxBefore = await service.outboxTypes(team.id);
      for (const user of [cashier, observer]) {
        for (const claimed of ['admin', 'cashier', 'observer'] as const) {
          const as = { teamId: team.id, role: claimed };
          const calls = [
            service.call('updateTeam', { updateMask: ['name'], name: 'Hijacked', type: 0, baseCurrency: '', timeZone: '' }, user, as),
            service.call('deleteTeam', {}, user, as),
            service.call('inviteMember', { phone: '+8801712345678', defaultRegion: '', role: Role.ROLE_ADMIN }, user, as),
            service.call('changeMemberRole', { userId: user.userId, role: Role.ROLE_ADMIN }, user, as),
            service.call('removeMember', { userId: owner.userId }, user, as),
          ];
          for (const call of calls) {
            const failure = await service.failure(call);
            expect([failure.status, failure.code]).toEqual([status.PERMISSION_DENIED, UserTeamErrorCode.AdminOnly]);
          }
        }
      }
      expect(await teamRow(team.id)).toEqual(before);
      expect(await service.outboxTypes(team.id)).toEqual(outboxBefore);
    });
  });

  describe('team isolation', () => {
    it('answers NOT_FOUND for another team exactly as for a missing one, and changes nothing there', async () => {
      const alice = await service.registeredUser();
      const bob = await service.registeredUser();
      const teamA = await service.createTeam(alice, 'A');
      const teamB = await service.createTeam(bob, 'B');
      await service.call('inviteMember', { phone: randomPhone(), defaultRegion: '', role: Role.ROLE_CASHIER }, bob, admin(teamB));
      const before = { team: await teamRow(teamB.id), outbox: await service.outboxTypes(teamB.id), members: await service.call('listMembers', {}, bob, admin(teamB)) };

      const attempts = (teamId: string, as: User) => {
        const token = { teamId, role: 'admin' as const };
        return [
          service.call('getTeam', {}, as, token),
          service.call('listMembers', {}, as, token),
          service.call('updateTeam', { updateMask: ['name'], name: 'Mine now', type: 0, baseCurrency: '', timeZone: '' }, as, token),
          service.call('deleteTeam', {}, as, token),
          service.call('inviteMember', { phone: '+8801912345678', defaultRegion: '', role: Role.ROLE_ADMIN }, as, token),
          service.call('changeMemberRole', { userId: bob.userId, role: Role.ROLE_OBSERVER }, as, token),
          service.call('removeMember', { userId: bob.userId }, as, token),
          service.call('leaveTeam', {}, as, token),
          service.call('getMembership', { teamId }, as),
        ];
      };
      const foreign = await Promise.all(attempts(teamB.id, alice).map((call) => service.failure(call)));
      const missing = await Promise.all(attempts(uuidv7(), alice).map((call) => service.failure(call)));
      expect(foreign).toEqual(missing);
      for (const failure of foreign) expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.TeamNotFound]);

      expect(await teamRow(teamB.id)).toEqual(before.team);
      expect(await service.outboxTypes(teamB.id)).toEqual(before.outbox);
      expect(await service.call('listMembers', {}, bob, admin(teamB))).toEqual(before.members);
      // Alice's own team is untouched by her attempts on B's.
      expect((await service.call('getTeam', {}, alice, admin(teamA))).team?.name).toBe('A');
    });

    it('answers NOT_FOUND for malformed team ids', async () => {
      const alice = await service.registeredUser();
      for (const teamId of ['', 'b', "x' OR '1'='1"]) {
        const failure = await service.failure(service.call('getMembership', { teamId }, alice));
        expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.TeamNotFound]);
      }
    });
  });

  describe('DeleteTeam', () => {
    it('soft-deletes the team, ends every membership, revokes invitations, and announces it all', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const cashier = await service.addMember(owner, team, 'cashier');
      const invitee = await service.registeredUser();
      await service.call('inviteMember', { phone: invitee.phone, defaultRegion: '', role: Role.ROLE_OBSERVER }, owner, admin(team));
      const eventsBefore = (await service.outboxTypes(team.id)).length;

      await service.call('deleteTeam', {}, owner, admin(team));

      const row = await teamRow(team.id);
      expect(row.deleted_at).not.toBeNull();
      expect(row.deleted_by).toBe(owner.userId);
      const active = await service.pool.query('SELECT count(*)::int AS n FROM memberships WHERE team_id = $1 AND ended_at IS NULL', [team.id]);
      expect(active.rows[0].n).toBe(0);
      const pending = await service.pool.query("SELECT count(*)::int AS n FROM invitations WHERE team_id = $1 AND status = 'pending'", [team.id]);
      expect(pending.rows[0].n).toBe(0);

      const events = (await outboxRows(team.id)).slice(eventsBefore);
      const removals = events.filter((e) => e.type === EventType.MembershipChanged).map((e) => MembershipChanged.decode(e.payload));
      expect(removals.map((m) => [m.userId, m.role, m.change]).sort()).toEqual(
        [
          [owner.userId, '', 'removed'],
          [cashier.userId, '', 'removed'],
        ].sort(),
      );
      const deleted = events.filter((e) => e.type === EventType.TeamDeleted);
      expect(deleted.map((e) => TeamDeleted.decode(e.payload))).toEqual([{ teamId: team.id, deletedBy: owner.userId }]);
    });

    it('makes every later lookup of the team NOT_FOUND', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const cashier = await service.addMember(owner, team, 'cashier');
      const invitee = await service.registeredUser();
      const { invitation } = await service.call('inviteMember', { phone: invitee.phone, defaultRegion: '', role: Role.ROLE_CASHIER }, owner, admin(team));
      await service.call('deleteTeam', {}, owner, admin(team));

      for (const user of [owner, cashier]) {
        for (const call of [
          service.call('getTeam', {}, user, admin(team)),
          service.call('listMembers', {}, user, admin(team)),
          service.call('deleteTeam', {}, user, admin(team)),
          service.call('leaveTeam', {}, user, admin(team)),
          service.call('getMembership', { teamId: team.id }, user),
        ]) {
          const failure = await service.failure(call);
          expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.TeamNotFound]);
        }
        expect((await service.call('listMyTeams', {}, user)).teams.map((t) => t.id)).not.toContain(team.id);
      }
      expect((await service.call('listMyInvitations', {}, invitee)).invitations).toEqual([]);
      const failure = await service.failure(service.call('acceptInvitation', { invitationId: invitation!.id }, invitee));
      expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.InvitationNotFound]);
    });
  });
});
