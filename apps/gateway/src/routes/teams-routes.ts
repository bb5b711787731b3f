import { z } from 'zod';
import { ROLES } from '@cashier/auth-context';
import { isUuid } from '@cashier/ids';
import type { Downstream } from '../grpc-clients/downstream';
import { callerOf, userOf } from '../http/caller';
import { Problem } from '../http/problem';
import { SIGNED_IN, TEAM_MANAGE, TEAM_READ, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { ROLE_TO_PROTO } from '../identity/role-mapping';
import { invitationJson, memberJson, TEAM_TYPE_TO_PROTO, TEAM_TYPES, teamJson } from './team-json';

const teamFields = {
  name: z.string().trim().min(1).max(100),
  type: z.enum(TEAM_TYPES, { error: `must be one of ${TEAM_TYPES.join(', ')}` }),
  base_currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like "BDT"'),
  time_zone: z.string().min(1).max(64),
};

const createTeamBody = z.strictObject(teamFields);
const updateTeamBody = z
  .strictObject({
    name: teamFields.name.optional(),
    type: teamFields.type.optional(),
    base_currency: teamFields.base_currency.optional(),
    time_zone: teamFields.time_zone.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const inviteBody = z.strictObject({
  phone: z.string().min(3).max(40),
  default_region: z.string().regex(/^[A-Z]{2}$/).optional(),
  role,
});
const changeRoleBody = z.strictObject({ role });

function memberId(raw: unknown): string {
  const id = String(raw).toLowerCase();
  if (!isUuid(id)) throw new Problem(404, 'USERTEAM_MEMBER_NOT_FOUND', 'member not found');
  return id;
}

export function teamsRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('get', '/teams', SIGNED_IN, async (_req, res) => {
    const { teams } = await downstream.call('user-team', 'listMyTeams', {}, userOf(res));
    res.json({ teams: teams.map(teamJson) });
  });

  routes.route('post', '/teams', SIGNED_IN, async (req, res) => {
    const body = validate(createTeamBody, req.body ?? {});
    const { team } = await downstream.call(
      'user-team',
      'createTeam',
      { name: body.name, type: TEAM_TYPE_TO_PROTO[body.type], baseCurrency: body.base_currency, timeZone: body.time_zone },
      userOf(res),
    );
    res.setHeader('Location', `/v1/teams/${team!.id}`);
    res.status(201).json(teamJson(team!));
  });

  routes.route('get', '/teams/:teamId', TEAM_READ, async (_req, res) => {
    const { team } = await downstream.call('user-team', 'getTeam', {}, callerOf(res));
    res.json(teamJson(team!));
  });

  routes.route('patch', '/teams/:teamId', TEAM_MANAGE, async (req, res) => {
    const body = validate(updateTeamBody, req.body ?? {});
    const { team } = await downstream.call(
      'user-team',
      'updateTeam',
      {
        updateMask: Object.keys(body),
        name: body.name ?? '',
        type: body.type ? TEAM_TYPE_TO_PROTO[body.type] : 0,
        baseCurrency: body.base_currency ?? '',
        timeZone: body.time_zone ?? '',
      },
      callerOf(res),
    );
    res.json(teamJson(team!));
  });

  routes.route('delete', '/teams/:teamId', TEAM_MANAGE, async (_req, res) => {
    await downstream.call('user-team', 'deleteTeam', {}, callerOf(res));
    res.status(204).end();
  });

  routes.route('get', '/teams/:teamId/members', TEAM_READ, async (_req, res) => {
    const { members, invitations } = await downstream.call('user-team', 'listMembers', {}, callerOf(res));
    res.json({ members: members.map(memberJson), invitations: invitations.map(invitationJson) });
  });

  routes.route('post', '/teams/:teamId/members', TEAM_MANAGE, async (req, res) => {
    const body = validate(inviteBody, req.body ?? {});
    const { invitation } = await downstream.call(
      'user-team',
      'inviteMember',
      { phone: body.phone, defaultRegion: body.default_region ?? '', role: ROLE_TO_PROTO[body.role] },
      callerOf(res),
    );
    res.status(201).json(invitationJson(invitation!));
  });

  // Leaving is open to every member; it must be declared before `:userId`.
  routes.route('delete', '/teams/:teamId/members/me', TEAM_READ, async (_req, res) => {
    await downstream.call('user-team', 'leaveTeam', {}, callerOf(res));
    res.status(204).end();
  });

  routes.route('patch', '/teams/:teamId/members/:userId', TEAM_MANAGE, async (req, res) => {
    const body = validate(changeRoleBody, req.body ?? {});
    const { member } = await downstream.call(
      'user-team',
      'changeMemberRole',
      { userId: memberId(req.params.userId), role: ROLE_TO_PROTO[body.role] },
      callerOf(res),
    );
    res.json(memberJson(member!));
  });

  routes.route('delete', '/teams/:teamId/members/:userId', TEAM_MANAGE, async (req, res) => {
    await downstream.call('user-team', 'removeMember', { userId: memberId(req.params.userId) }, callerOf(res));
    res.status(204).end();
  });

  routes.route('post', '/invitations/:invitationId/accept', SIGNED_IN, async (req, res) => {
    const invitationId = String(req.params.invitationId).toLowerCase();
    if (!isUuid(invitationId)) throw new Problem(404, 'USERTEAM_INVITATION_NOT_FOUND', 'invitation not found');
    const { team } = await downstream.call('user-team', 'acceptInvitation', { invitationId }, userOf(res));
    res.json(teamJson(team!));
  });

  routes.route('post', '/invitations/:invitationId/decline', SIGNED_IN, async (req, res) => {
    const invitationId = String(req.params.invitationId).toLowerCase();
    if (!isUuid(invitationId)) throw new Problem(404, 'USERTEAM_INVITATION_NOT_FOUND', 'invitation not found');
    await downstream.call('user-team', 'declineInvitation', { invitationId }, userOf(res));
    res.status(204).end();
  });
}
