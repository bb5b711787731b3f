import { status } from '@grpc/grpc-js';
import { MembershipChanged } from '@cashier/contracts/cashier/events/v1/userteam';
import { Role, type Team } from '@cashier/contracts/cashier/userteam/v1/userteam';
import { EventType } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';
import { maskPhone } from '@cashier/phone';
import { INVITATIONS_PER_TEAM_PER_HOUR } from '../domain/limits';
import { UserTeamErrorCode } from '../domain/user-team-error-code';
import { randomPhone, UserTeamTestServer, type User } from './support/user-team-test-server';

describe('members and invitations (gRPC + PostgreSQL)', () => {
  const service = new UserTeamTestServer();
  beforeAll(() => service.start());
  afterAll(() => service.stop());

  const as = (team: Team, role: 'admin' | 'cashier' | 'observer' = 'admin') => ({ teamId: team.id, role });
  const invite = (admin: User, team: Team, phone: string, role = Role.ROLE_CASHIER) =>
    service.call('inviteMember', { phone, defaultRegion: '', role }, admin, as(team));
  const membershipEvents = async (teamId: string) =>
    (await service.pool.query<{ payload: Buffer }>('SELECT payload FROM outbox WHERE team_id = $1 AND type = $2 ORDER BY seq', [teamId, EventType.MembershipChanged])).rows.map(
      (row) => MembershipChanged.decode(row.payload),
    );
  const adminCount = async (teamId: string) =>
    (await service.pool.query("SELECT count(*)::int AS n FROM memberships WHERE team_id = $1 AND ended_at IS NULL AND role = 'admin'", [teamId])).rows[0].n as number;

  describe('invitations', () => {
    it('can be accepted by the invited phone only, once, joining with the invited role', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const invitee = await service.registeredUser();
      const stranger = await service.registeredUser();
      const { invitation } = await service.call('inviteMember', { phone: invitee.phone.replace('+880', '0'), defaultRegion: 'BD', role: Role.ROLE_OBSERVER }, owner, as(team));
      expect(invitation).toMatchObject({ teamId: team.id, teamName: team.name, phone: invitee.phone, role: Role.ROLE_OBSERVER, invitedBy: owner.userId });
      expect(invitation!.expiresAt!.getTime() - invitation!.createdAt!.getTime()).toBe(7 * 24 * 3600_000);

      expect((await service.call('listMyInvitations', {}, stranger)).invitations).toEqual([]);
      expect((await service.call('listMyInvitations', {}, invitee)).invitations.map((i) => i.id)).toEqual([invitation!.id]);

      for (const call of [
        service.call('acceptInvitation', { invitationId: invitation!.id }, stranger),
        service.call('declineInvitation', { invitationId: invitation!.id }, stranger),
        service.call('acceptInvitation', { invitationId: invitation!.id }, owner),
        service.call('acceptInvitation', { invitationId: uuidv7() }, invitee),
        service.call('acceptInvitation', { invitationId: 'nope' }, invitee),
      ]) {
        const failure = await service.failure(call);
        expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.InvitationNotFound]);
      }
      expect((await service.call('getMembership', { teamId: team.id }, stranger).catch((e) => e.code))).toBe(status.NOT_FOUND);

      const { team: joined } = await service.call('acceptInvitation', { invitationId: invitation!.id }, invitee);
      expect(joined).toMatchObject({ id: team.id, myRole: Role.ROLE_OBSERVER });
      expect(await service.call('getMembership', { teamId: team.id }, invitee)).toMatchObject({ role: Role.ROLE_OBSERVER });
      expect((await membershipEvents(team.id)).at(-1)).toEqual({ teamId: team.id, userId: invitee.userId, role: 'observer', change: 'added' });

      const again = await service.failure(service.call('acceptInvitation', { invitationId: invitation!.id }, invitee));
      expect([again.status, again.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.InvitationNotFound]);
      expect((await service.call('listMyInvitations', {}, invitee)).invitations).toEqual([]);
    });

    it('can be declined, after which it is gone', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const invitee = await service.registeredUser();
      const { invitation } = await invite(owner, team, invitee.phone);
      await service.call('declineInvitation', { invitationId: invitation!.id }, invitee);
      expect((await service.call('listMyInvitations', {}, invitee)).invitations).toEqual([]);
      const failure = await service.failure(service.call('acceptInvitation', { invitationId: invitation!.id }, invitee));
      expect(failure.code).toBe(UserTeamErrorCode.InvitationNotFound);
      expect((await service.call('listMembers', {}, owner, as(team))).invitations).toEqual([]);
    });

    it('replaces a pending invitation for the same phone', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const invitee = await service.registeredUser();
      const { invitation: first } = await invite(owner, team, invitee.phone, Role.ROLE_OBSERVER);
      const { invitation: second } = await invite(owner, team, invitee.phone, Role.ROLE_CASHIER);
      expect((await service.call('listMyInvitations', {}, invitee)).invitations.map((i) => [i.id, i.role])).toEqual([[second!.id, Role.ROLE_CASHIER]]);
      const failure = await service.failure(service.call('acceptInvitation', { invitationId: first!.id }, invitee));
      expect(failure.code).toBe(UserTeamErrorCode.InvitationNotFound);
      const statuses = await service.pool.query('SELECT id, status FROM invitations WHERE team_id = $1 ORDER BY created_at', [team.id]);
      expect(statuses.rows).toEqual([
        { id: first!.id, status: 'revoked' },
        { id: second!.id, status: 'pending' },
      ]);
    });

    it('refuses a phone that already belongs to a member', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const cashier = await service.addMember(owner, team, 'cashier');
      for (const phone of [owner.phone, cashier.phone]) {
        const failure = await service.failure(invite(owner, team, phone));
        expect([failure.status, failure.code]).toEqual([status.ALREADY_EXISTS, UserTeamErrorCode.AlreadyMember]);
      }
    });

    it('refuses an invalid phone or a missing role', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      for (const request of [
        { phone: '12345', defaultRegion: '', role: Role.ROLE_CASHIER },
        { phone: '01712345678', defaultRegion: '', role: Role.ROLE_CASHIER },
        { phone: '+8801712345678', defaultRegion: '', role: Role.ROLE_UNSPECIFIED },
      ]) {
        const failure = await service.failure(service.call('inviteMember', request, owner, as(team)));
        expect([failure.status, failure.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidInvitation]);
      }
    });

    it('expires after seven days: no longer listed, and accepting is FAILED_PRECONDITION', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const invitee = await service.registeredUser();
      const { invitation } = await invite(owner, team, invitee.phone);
      await service.pool.query("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", [invitation!.id]);
      expect((await service.call('listMyInvitations', {}, invitee)).invitations).toEqual([]);
      expect((await service.call('listMembers', {}, owner, as(team))).invitations).toEqual([]);
      const failure = await service.failure(service.call('acceptInvitation', { invitationId: invitation!.id }, invitee));
      expect([failure.status, failure.code]).toEqual([status.FAILED_PRECONDITION, UserTeamErrorCode.InvitationExpired]);
      const failure2 = await service.failure(service.call('getMembership', { teamId: team.id }, invitee));
      expect(failure2.status).toBe(status.NOT_FOUND);
    });

    it(`caps a team at ${INVITATIONS_PER_TEAM_PER_HOUR} invitations per hour, even in a burst`, async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const phones = Array.from({ length: INVITATIONS_PER_TEAM_PER_HOUR + 10 }, () => randomPhone());
      const results = await Promise.allSettled(phones.map((phone) => invite(owner, team, phone)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(INVITATIONS_PER_TEAM_PER_HOUR);
      const failure = await service.failure(invite(owner, team, randomPhone()));
      expect([failure.status, failure.code]).toEqual([status.RESOURCE_EXHAUSTED, UserTeamErrorCode.InvitationLimitReached]);
      const count = await service.pool.query('SELECT count(*)::int AS n FROM invitations WHERE team_id = $1', [team.id]);
      expect(count.rows[0].n).toBe(INVITATIONS_PER_TEAM_PER_HOUR);
    });

    it('returns no invitations while the caller’s profile is not ready', async () => {
      expect((await service.call('listMyInvitations', {}, { userId: uuidv7(), phone: '' })).invitations).toEqual([]);
    });
  });

  describe('ListMembers', () => {
    it('masks other members’ phones for cashiers and observers, and shows invitations to admins only', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      await service.call('updateMe', { updateMask: ['name'], name: 'Owner', email: '', locale: '', timeZone: '' }, owner);
      const cashier = await service.addMember(owner, team, 'cashier');
      const observer = await service.addMember(owner, team, 'observer');
      const pendingPhone = randomPhone();
      await invite(owner, team, pendingPhone);
      const everyone = [owner, cashier, observer];

      const byAdmin = await service.call('listMembers', {}, owner, as(team));
      expect(byAdmin.members.map((m) => [m.userId, m.phone, m.role])).toEqual([
        [owner.userId, owner.phone, Role.ROLE_ADMIN],
        [cashier.userId, cashier.phone, Role.ROLE_CASHIER],
        [observer.userId, observer.phone, Role.ROLE_OBSERVER],
      ]);
      expect(byAdmin.members[0].name).toBe('Owner');
      expect(byAdmin.invitations.map((i) => i.phone)).toEqual([pendingPhone]);

      for (const [viewer, role] of [
        [cashier, 'cashier'],
        [observer, 'observer'],
      ] as const) {
        const seen = await service.call('listMembers', {}, viewer, as(team, role));
        expect(seen.invitations).toEqual([]);
        for (const member of seen.members) {
          const user = everyone.find((u) => u.userId === member.userId)!;
          expect(member.phone).toBe(user === viewer ? user.phone : maskPhone(user.phone));
        }
      }
    });
  });

  describe('roles, removal and the last admin', () => {
    it('lets an admin change a role; the demoted member loses admin powers at once, whatever their token says', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const second = await service.addMember(owner, team, 'admin');
      const { member } = await service.call('changeMemberRole', { userId: second.userId, role: Role.ROLE_OBSERVER }, owner, as(team));
      expect(member).toMatchObject({ userId: second.userId, role: Role.ROLE_OBSERVER, phone: second.phone });
      expect((await membershipEvents(team.id)).at(-1)).toEqual({ teamId: team.id, userId: second.userId, role: 'observer', change: 'role_changed' });

      const failure = await service.failure(
        service.call('updateTeam', { updateMask: ['name'], name: 'Mine', type: 0, baseCurrency: '', timeZone: '' }, second, as(team, 'admin')),
      );
      expect([failure.status, failure.code]).toEqual([status.PERMISSION_DENIED, UserTeamErrorCode.AdminOnly]);
    });

    it('answers NOT_FOUND for a target that is not a member, and INVALID_ARGUMENT for no role', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const outsider = await service.registeredUser();
      for (const call of [
        service.call('changeMemberRole', { userId: outsider.userId, role: Role.ROLE_CASHIER }, owner, as(team)),
        service.call('changeMemberRole', { userId: 'x', role: Role.ROLE_CASHIER }, owner, as(team)),
        service.call('removeMember', { userId: outsider.userId }, owner, as(team)),
      ]) {
        const failure = await service.failure(call);
        expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.MemberNotFound]);
      }
      const noRole = await service.failure(service.call('changeMemberRole', { userId: owner.userId, role: Role.ROLE_UNSPECIFIED }, owner, as(team)));
      expect([noRole.status, noRole.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidMemberChange]);
    });

    it('removes a member, who then cannot reach the team', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const cashier = await service.addMember(owner, team, 'cashier');
      await service.call('removeMember', { userId: cashier.userId }, owner, as(team));
      expect((await membershipEvents(team.id)).at(-1)).toEqual({ teamId: team.id, userId: cashier.userId, role: '', change: 'removed' });
      const failure = await service.failure(service.call('getTeam', {}, cashier, as(team, 'cashier')));
      expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.TeamNotFound]);
      expect((await service.call('listMyTeams', {}, cashier)).teams).toEqual([]);
    });

    it('lets any member leave, and a removed member be invited back', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      const observer = await service.addMember(owner, team, 'observer');
      await service.call('leaveTeam', {}, observer, as(team, 'observer'));
      expect((await membershipEvents(team.id)).at(-1)).toEqual({ teamId: team.id, userId: observer.userId, role: '', change: 'removed' });
      expect((await service.failure(service.call('getMembership', { teamId: team.id }, observer))).status).toBe(status.NOT_FOUND);

      const { invitation } = await invite(owner, team, observer.phone, Role.ROLE_CASHIER);
      await service.call('acceptInvitation', { invitationId: invitation!.id }, observer);
      expect(await service.call('getMembership', { teamId: team.id }, observer)).toMatchObject({ role: Role.ROLE_CASHIER });
    });

    it('never lets the last admin be demoted, removed or leave', async () => {
      const owner = await service.registeredUser();
      const team = await service.createTeam(owner);
      await service.addMember(owner, team, 'cashier');
      for (const call of [
        service.call('changeMemberRole', { userId: owner.userId, role: Role.ROLE_CASHIER }, owner, as(team)),
        service.call('removeMember', { userId: owner.userId }, owner, as(team)),
        service.call('leaveTeam', {}, owner, as(team)),
      ]) {
        const failure = await service.failure(call);
        expect([failure.status, failure.code]).toEqual([status.FAILED_PRECONDITION, UserTeamErrorCode.LastAdmin]);
      }
      expect(await adminCount(team.id)).toBe(1);
    });

    it('keeps an admin when two admins demote each other at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const first = await service.registeredUser();
        const team = await service.createTeam(first);
        const second = await service.addMember(first, team, 'admin');
        const results = await Promise.allSettled([
          service.call('changeMemberRole', { userId: second.userId, role: Role.ROLE_CASHIER }, first, as(team)),
          service.call('changeMemberRole', { userId: first.userId, role: Role.ROLE_CASHIER }, second, as(team)),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = await service.failure(Promise.reject((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason));
        expect([refused.status, refused.code]).toEqual([status.PERMISSION_DENIED, UserTeamErrorCode.AdminOnly]);
        expect(await adminCount(team.id)).toBe(1);
      }
    });

    it('keeps an admin when two admins leave, or demote themselves, at the same moment', async () => {
      for (let round = 0; round < 5; round++) {
        const first = await service.registeredUser();
        const team = await service.createTeam(first);
        const second = await service.addMember(first, team, 'admin');
        const results = await Promise.allSettled([
          service.call('leaveTeam', {}, first, as(team)),
          service.call('changeMemberRole', { userId: second.userId, role: Role.ROLE_OBSERVER }, second, as(team)),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const refused = await service.failure(Promise.reject((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason));
        expect([refused.status, refused.code]).toEqual([status.FAILED_PRECONDITION, UserTeamErrorCode.LastAdmin]);
        expect(await adminCount(team.id)).toBe(1);
      }
    });
  });
});
