import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { waitFor } from '@cashier/testing';
import type { Actor, Api } from './api';

export type Role = 'admin' | 'cashier' | 'observer';

export interface Person extends Actor {
  userId: string;
  phone: string;
  refreshToken: string;
  sessionId: string;
  ip: string;
}

/** A valid, unused Bangladeshi mobile number (libphonenumber accepts +88017xxxxxxxx). */
export function randomPhone(): string {
  return `+88017${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/**
 * A client address from the IPv6 documentation prefix 2001:db8::/32 (RFC 3849): only ever
 * a header value, never contacted. Random within the first 56 bits, because rate limits
 * bucket IPv6 clients by /56 (gateway) and /64 (auth); so no two test runs share a budget.
 */
export function randomIp(): string {
  const hex = (digits: number) => randomInt(0, 16 ** digits).toString(16).padStart(digits, '0');
  return `2001:db8:${hex(4)}:${hex(2)}00::1`;
}

/** The code auth "sent" for a challenge, read from the local SMS sink like a phone would. */
export async function codeFromSms(smsFile: string, challengeId: string): Promise<string> {
  return waitFor(`the SMS of challenge ${challengeId}`, async () => {
    if (!existsSync(smsFile)) return undefined;
    const line = readFileSync(smsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as { challengeId?: string; body: string })
      .find((sms) => sms.challengeId === challengeId);
    return line ? /\b(\d{6})\b/.exec(line.body)?.[1] : undefined;
  });
}

export async function requestCode(api: Api, phone: string, ip: string): Promise<string> {
  const login = await api.post('/v1/auth/login', { accessToken: '', ip }, { phone });
  if (login.status !== 202) throw new Error(`login answered ${login.status}: ${JSON.stringify(login.body)}`);
  return login.body.challenge_id;
}

/** Signs a person in through the gateway: phone -> SMS code -> tokens. */
export async function signIn(api: Api, smsFile: string, phone = randomPhone(), ip = randomIp()): Promise<Person> {
  const challengeId = await requestCode(api, phone, ip);
  const code = await codeFromSms(smsFile, challengeId);
  const verified = await api.post('/v1/auth/verify-otp', { accessToken: '', ip }, { challenge_id: challengeId, code });
  if (verified.status !== 200) throw new Error(`verify answered ${verified.status}: ${JSON.stringify(verified.body)}`);
  return {
    userId: verified.body.user_id,
    phone,
    ip,
    accessToken: verified.body.access_token,
    refreshToken: verified.body.refresh_token,
    sessionId: verified.body.session_id,
  };
}

/** Waits until user-team has the person's profile (it arrives by event after the first sign-in). */
export async function profileReady(api: Api, person: Person): Promise<void> {
  await waitFor('the profile', async () => ((await api.get('/v1/me', person)).status === 200 ? true : undefined));
}

export async function createTeam(api: Api, admin: Person, name = 'Rahman family'): Promise<string> {
  const created = await api.post('/v1/teams', admin, { name, type: 'family', base_currency: 'BDT', time_zone: 'Asia/Dhaka' });
  if (created.status !== 201) throw new Error(`create team answered ${created.status}: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** The admin invites the person with a role; the person accepts. Returns the person inside the team. */
export async function addMember(api: Api, admin: Person, teamId: string, person: Person, role: Role): Promise<Person> {
  const invited = await api.post(`/v1/teams/${teamId}/members`, { ...admin, teamId }, { phone: person.phone, role });
  if (invited.status !== 201) throw new Error(`invite answered ${invited.status}: ${JSON.stringify(invited.body)}`);
  await profileReady(api, person);
  const accepted = await api.post(`/v1/invitations/${invited.body.id}/accept`, person, {});
  if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  return { ...person, teamId };
}

export interface TestTeam {
  teamId: string;
  admin: Person;
  cashier: Person;
  observer: Person;
}

/** A team with one admin, one cashier and one observer, all signed in. */
export async function teamOfThree(api: Api, smsFile: string): Promise<TestTeam> {
  const [admin, cashier, observer] = await Promise.all([signIn(api, smsFile), signIn(api, smsFile), signIn(api, smsFile)]);
  const teamId = await createTeam(api, admin);
  // The admin's profile (name, phone) arrives by event; the invitees' are there once they accept.
  await profileReady(api, admin);
  return {
    teamId,
    admin: { ...admin, teamId },
    cashier: await addMember(api, admin, teamId, cashier, 'cashier'),
    observer: await addMember(api, admin, teamId, observer, 'observer'),
  };
}
