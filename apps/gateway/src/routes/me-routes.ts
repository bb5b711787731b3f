import { z } from 'zod';
import type { Downstream } from '../grpc-clients/downstream';
import { userOf } from '../http/caller';
import { SIGNED_IN, type PolicyRouter } from '../http/route-policy';
import { validate } from '../http/validate';
import { invitationJson, profileJson } from './team-json';

// Strict: `id`, `phone`, `status`, `role` or anything else in the body is a 400, not ignored.
const updateMeBody = z
  .strictObject({
    name: z.string().min(1).max(100).optional(),
    email: z.email().max(254).optional(),
    locale: z.string().min(2).max(35).optional(),
    time_zone: z.string().min(1).max(64).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one of name, email, locale, time_zone');

const MASK: Record<string, string> = { name: 'name', email: 'email', locale: 'locale', time_zone: 'time_zone' };

export function meRoutes(routes: PolicyRouter, downstream: Downstream): void {
  routes.route('get', '/me', SIGNED_IN, async (_req, res) => {
    const { profile } = await downstream.call('user-team', 'getMe', {}, userOf(res));
    res.json(profileJson(profile!));
  });

  routes.route('patch', '/me', SIGNED_IN, async (req, res) => {
    const body = validate(updateMeBody, req.body ?? {});
    const { profile } = await downstream.call(
      'user-team',
      'updateMe',
      {
        updateMask: Object.keys(body).map((field) => MASK[field]),
        name: body.name ?? '',
        email: body.email ?? '',
        locale: body.locale ?? '',
        timeZone: body.time_zone ?? '',
      },
      userOf(res),
    );
    res.json(profileJson(profile!));
  });

  routes.route('get', '/me/invitations', SIGNED_IN, async (_req, res) => {
    const { invitations } = await downstream.call('user-team', 'listMyInvitations', {}, userOf(res));
    res.json({ invitations: invitations.map(invitationJson) });
  });
}
