import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import { routePolicyTable } from '@cashier/gateway/routes';
import { infra, LocalSystem, REPO_ROOT, waitFor } from '@cashier/testing';
import { Api, expense, type Actor } from './support/api';
import { LedgerDb } from './support/ledger-db';
import {
  addMember,
  codeFromSms,
  createTeam,
  profileReady,
  randomIp,
  randomPhone,
  requestCode,
  signIn,
  teamOfThree,
  type Person,
  type TestTeam,
} from './support/people';

const COOLDOWN_SECONDS = 2;
const afterCooldown = () => new Promise((resolve) => setTimeout(resolve, COOLDOWN_SECONDS * 1000 + 100));

const system = new LocalSystem({
  portOffset: 10_000,
  logDir: join(REPO_ROOT, 'var', 'log', 'e2e-identity'),
  env: {
    gateway: { TRUST_PROXY_HOPS: '1', OTP_RATE_LIMIT_PER_MINUTE: '10' },
    // Short, so one phone can sign in twice within a test; the 429 inside it is still tested.
    auth: { OTP_RESEND_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) },
  },
});
let api: Api;
let db: LedgerDb;

beforeAll(async () => {
  await system.start();
  api = new Api(system.gatewayUrl);
  db = new LedgerDb();
}, 120_000);

afterAll(async () => {
  await db?.close();
  await system.stop();
});

const anonymous = (ip = randomIp()): Actor => ({ accessToken: '', ip });

describe('the journey of a family', () => {
  it('signs in, creates a team, invites, accepts, refreshes and logs out', async () => {
    const mother = await signIn(api, system.smsSinkFile);
    expect(mother.accessToken.split('.')).toHaveLength(3);
    await profileReady(api, mother);
    const me = await api.get('/v1/me', mother);
    expect(me.body).toMatchObject({ user_id: mother.userId, phone: mother.phone });

    const created = await api.post('/v1/teams', mother, {
      name: 'Rahman family',
      type: 'family',
      base_currency: 'BDT',
      time_zone: 'Asia/Dhaka',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Rahman family', type: 'family', base_currency: 'BDT', my_role: 'admin' });
    const teamId = created.body.id;

    const son = await signIn(api, system.smsSinkFile);
    const invited = await api.post(`/v1/teams/${teamId}/members`, { ...mother, teamId }, { phone: son.phone, role: 'cashier' });
    expect(invited.status).toBe(201);
    await profileReady(api, son);
    const pending = await api.get('/v1/me/invitations', son);
    expect(pending.body.invitations.map((i: { id: string }) => i.id)).toContain(invited.body.id);
    expect((await api.post(`/v1/invitations/${invited.body.id}/accept`, son, {})).status).toBe(200);

    const mothersTeams = await api.get('/v1/teams', mother);
    const sonsTeams = await api.get('/v1/teams', son);
    expect(mothersTeams.body.teams).toEqual([expect.objectContaining({ id: teamId, my_role: 'admin' })]);
    expect(sonsTeams.body.teams).toEqual([expect.objectContaining({ id: teamId, my_role: 'cashier' })]);
    const members = await api.get(`/v1/teams/${teamId}/members`, { ...son, teamId });
    expect(members.body.members.map((m: { user_id: string; role: string }) => [m.user_id, m.role]).sort()).toEqual(
      [
        [mother.userId, 'admin'],
        [son.userId, 'cashier'],
      ].sort(),
    );

    const refreshed = await api.post('/v1/auth/refresh', anonymous(), { refresh_token: son.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(son.refreshToken);
    const renewed = { ...son, accessToken: refreshed.body.access_token, refreshToken: refreshed.body.refresh_token };
    expect((await api.post('/v1/transactions', { ...renewed, teamId }, expense())).status).toBe(201);

    expect((await api.post('/v1/auth/logout', renewed, {})).status).toBe(204);
    await waitFor('the logged-out token to be refused', async () =>
      (await api.get('/v1/me', renewed)).status === 401 ? true : undefined,
    );
    expect((await api.post('/v1/auth/refresh', anonymous(), { refresh_token: renewed.refreshToken })).status).toBe(401);
  });

  it('lists and revokes sessions; another user’s session is not found', async () => {
    const phone = randomPhone();
    const phoneSession = await signIn(api, system.smsSinkFile, phone);
    await afterCooldown();
    const laptopSession = await signIn(api, system.smsSinkFile, phone);
    const sessions = await api.get('/v1/auth/sessions', phoneSession);
    expect(sessions.body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(
      [phoneSession.sessionId, laptopSession.sessionId].sort(),
    );
    const stranger = await signIn(api, system.smsSinkFile);
    expect((await api.delete(`/v1/auth/sessions/${laptopSession.sessionId}`, stranger)).status).toBe(404);
    expect((await api.delete(`/v1/auth/sessions/${laptopSession.sessionId}`, phoneSession)).status).toBe(204);
    expect((await api.post('/v1/auth/refresh', anonymous(), { refresh_token: laptopSession.refreshToken })).status).toBe(401);
  });
});

describe('one-time codes', () => {
  it('answers a known and an unknown phone alike', async () => {
    const known = await signIn(api, system.smsSinkFile);
    await afterCooldown();
    const a = await api.post('/v1/auth/login', anonymous(), { phone: known.phone });
    const b = await api.post('/v1/auth/login', anonymous(), { phone: randomPhone() });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(Object.keys(a.body).sort()).toEqual(Object.keys(b.body).sort());
    expect(a.body.resend_after_seconds).toBe(b.body.resend_after_seconds);
  });

  it('refuses the sixth try even when it carries the right code', async () => {
    const ip = randomIp();
    const phone = randomPhone();
    const challengeId = await requestCode(api, phone, ip);
    const code = await codeFromSms(system.smsSinkFile, challengeId);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const attempt = await api.post('/v1/auth/verify-otp', anonymous(randomIp()), { challenge_id: challengeId, code: wrong });
      expect(attempt.status).toBe(401);
    }
    const sixth = await api.post('/v1/auth/verify-otp', anonymous(randomIp()), { challenge_id: challengeId, code });
    expect(sixth.status).toBe(401);
  });

  it('never accepts a code twice', async () => {
    const challengeId = await requestCode(api, randomPhone(), randomIp());
    const code = await codeFromSms(system.smsSinkFile, challengeId);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.post('/v1/auth/verify-otp', anonymous(randomIp()), { challenge_id: challengeId, code })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(401)]);
  });

  it('answers 429 with Retry-After when a phone asks again too soon', async () => {
    const phone = randomPhone();
    expect((await api.post('/v1/auth/login', anonymous(), { phone })).status).toBe(202);
    const again = await api.post('/v1/auth/login', anonymous(), { phone });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 429 with Retry-After when one IP spends the sign-in budget', async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await api.post('/v1/auth/login', anonymous(ip), { phone: randomPhone() })).status);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await api.post('/v1/auth/login', anonymous(ip), { phone: randomPhone() });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never writes a code to any service log', () => {
    const codes = readFileSync(system.smsSinkFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => /\b(\d{6})\b/.exec((JSON.parse(line) as { body: string }).body)![1]);
    expect(codes.length).toBeGreaterThan(5);
    for (const service of ['gateway', 'auth', 'user-team'] as const) {
      const log = readFileSync(system.logFile(service), 'utf8');
      const leaked = codes.filter((code) => new RegExp(`[^0-9a-f-]${code}[^0-9a-f-]`).test(log));
      expect({ service, leaked }).toEqual({ service, leaked: [] });
    }
  });
});

describe('refresh tokens', () => {
  it('kills the whole session when a used refresh token comes back', async () => {
    const person = await signIn(api, system.smsSinkFile);
    const first = await api.post('/v1/auth/refresh', anonymous(), { refresh_token: person.refreshToken });
    expect(first.status).toBe(200);
    const replayed = await api.post('/v1/auth/refresh', anonymous(), { refresh_token: person.refreshToken });
    expect(replayed.status).toBe(401);
    const newest = await api.post('/v1/auth/refresh', anonymous(), { refresh_token: first.body.refresh_token });
    expect(newest.status).toBe(401);
    await waitFor('the session’s access token to be refused', async () =>
      (await api.get('/v1/me', { accessToken: first.body.access_token })).status === 401 ? true : undefined,
    );
  });
});

describe('tokens that must not pass', () => {
  let person: Person;
  beforeAll(async () => {
    person = await signIn(api, system.smsSinkFile);
  });

  function part(token: string, index: number) {
    return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString()) as Record<string, unknown>;
  }

  it('refuses a changed payload', async () => {
    const [header, , signature] = person.accessToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...part(person.accessToken, 1), sub: randomUUID() })).toString('base64url');
    expect((await api.get('/v1/me', { accessToken: `${header}.${payload}.${signature}` })).status).toBe(401);
  });

  it('refuses alg none', async () => {
    const claims = part(person.accessToken, 1);
    const none = new UnsecuredJWT(claims).encode();
    expect((await api.get('/v1/me', { accessToken: none })).status).toBe(401);
  });

  it('refuses HS256 signed with the published public key', async () => {
    const jwks = (await api.get('/v1/auth/jwks', undefined)).body as { keys: { kid: string }[] };
    const kid = String(part(person.accessToken, 0).kid);
    const publicJwk = jwks.keys.find((k) => k.kid === kid)!;
    const claims = part(person.accessToken, 1);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect((await api.get('/v1/me', { accessToken: forged })).status).toBe(401);
  });

  it('refuses a refresh token or garbage in the Authorization header', async () => {
    expect((await api.get('/v1/me', { accessToken: person.refreshToken })).status).toBe(401);
    expect((await api.get('/v1/me', { accessToken: 'x'.repeat(40) })).status).toBe(401);
    const noScheme = await api.get('/v1/me', undefined, { authorization: person.accessToken });
    expect(noScheme.status).toBe(401);
    expect(noScheme.headers.get('www-authenticate')).toBe('Bearer');
  });
});

describe('teams keep to themselves', () => {
  let a: TestTeam;
  let b: TestTeam;
  let bTransaction: string;

  beforeAll(async () => {
    [a, b] = await Promise.all([teamOfThree(api, system.smsSinkFile), teamOfThree(api, system.smsSinkFile)]);
    bTransaction = (await api.post('/v1/transactions', b.cashier, expense())).body.id;
  });

  it("a member of A gets 404 for anything of B, and B's data stays as it was", async () => {
    const before = await db.counts(b.teamId);
    const asAdminOfA = { ...a.admin, teamId: b.teamId };
    const probes = [
      api.get(`/v1/transactions/${bTransaction}`, a.admin),
      api.get(`/v1/teams/${b.teamId}`, a.admin),
      api.patch(`/v1/teams/${b.teamId}`, a.admin, { name: 'taken over' }),
      api.delete(`/v1/teams/${b.teamId}`, a.admin),
      api.get(`/v1/teams/${b.teamId}/members`, a.admin),
      api.post(`/v1/teams/${b.teamId}/members`, a.admin, { phone: randomPhone(), role: 'admin' }),
      api.patch(`/v1/teams/${b.teamId}/members/${b.cashier.userId}`, a.admin, { role: 'observer' }),
      api.delete(`/v1/teams/${b.teamId}/members/${b.cashier.userId}`, a.admin),
      api.get(`/v1/transactions/${bTransaction}`, asAdminOfA),
      api.post('/v1/transactions', asAdminOfA, expense()),
      api.get('/v1/billing/usage', asAdminOfA),
    ];
    const answers = await Promise.all(probes);
    expect(answers.map((r) => r.status)).toEqual(Array(probes.length).fill(404));
    expect(await db.counts(b.teamId)).toEqual(before);
    const team = await api.get(`/v1/teams/${b.teamId}`, b.admin);
    expect(team.body.name).toBe('Rahman family');
    const members = await api.get(`/v1/teams/${b.teamId}/members`, b.admin);
    expect(members.body.members).toHaveLength(3);
  });

  it('answers a team that does not exist exactly like a team one is not in', async () => {
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    const foreign = await api.get(`/v1/teams/${b.teamId}`, a.admin);
    const missing = await api.get(`/v1/teams/${randomUUID()}`, a.admin);
    expect([foreign.status, strip(foreign.body)]).toEqual([missing.status, strip(missing.body)]);
  });

  it('the role matrix: observers only read, cashiers do not manage, outsiders get 404, strangers 401', async () => {
    const outsider = await signIn(api, system.smsSinkFile);
    const table = routePolicyTable().filter((route) => route.policy.access === 'team');
    expect(table.length).toBeGreaterThan(8);
    const concrete = (path: string) =>
      path
        .replace(':teamId', a.teamId)
        .replace(':userId', randomUUID())
        .replace(':id', randomUUID());
    for (const route of table) {
      const path = concrete(route.path);
      const call = (actor: Actor | undefined) =>
        api.request(route.method.toUpperCase(), path, actor && { ...actor, teamId: a.teamId }, route.method === 'get' ? undefined : {});
      const expectation = { route: `${route.method} ${route.path}` };
      expect({ ...expectation, status: (await call(undefined)).status }).toEqual({ ...expectation, status: 401 });
      expect({ ...expectation, status: (await call(outsider)).status }).toEqual({ ...expectation, status: 404 });
      if (route.policy.access === 'team' && route.policy.permission !== 'read') {
        expect({ ...expectation, status: (await call(a.observer)).status }).toEqual({ ...expectation, status: 403 });
      }
      if (route.policy.access === 'team' && route.policy.permission === 'manage') {
        expect({ ...expectation, status: (await call(a.cashier)).status }).toEqual({ ...expectation, status: 403 });
      }
    }
  });

  it('a demotion takes effect on the next request', async () => {
    const team = await teamOfThree(api, system.smsSinkFile);
    expect((await api.post('/v1/transactions', team.cashier, expense())).status).toBe(201);
    const demoted = await api.patch(`/v1/teams/${team.teamId}/members/${team.cashier.userId}`, team.admin, { role: 'observer' });
    expect([demoted.status, demoted.body.role]).toEqual([200, 'observer']);
    await waitFor('the demotion to reach the gateway', async () =>
      (await api.post('/v1/transactions', team.cashier, expense())).status === 403 ? true : undefined,
    );
  });

  it('keeps at least one admin', async () => {
    const team = await teamOfThree(api, system.smsSinkFile);
    const leave = await api.delete(`/v1/teams/${team.teamId}/members/me`, team.admin);
    expect(leave.status).toBe(400);
    const demote = await api.patch(`/v1/teams/${team.teamId}/members/${team.admin.userId}`, team.admin, { role: 'cashier' });
    expect(demote.status).toBe(400);
    const teams = await api.get('/v1/teams', team.admin);
    expect(teams.body.teams.find((t: { id: string }) => t.id === team.teamId).my_role).toBe('admin');
  });
});

describe('mass assignment', () => {
  it('a profile update cannot set id, phone, status or role', async () => {
    const person = await signIn(api, system.smsSinkFile);
    await profileReady(api, person);
    for (const field of ['id', 'user_id', 'phone', 'status', 'role']) {
      const attempt = await api.patch('/v1/me', person, { name: 'Rina', [field]: field === 'role' ? 'admin' : randomUUID() });
      expect({ field, status: attempt.status }).toEqual({ field, status: 400 });
    }
    const me = await api.get('/v1/me', person);
    expect([me.body.user_id, me.body.phone, me.body.name]).toEqual([person.userId, person.phone, '']);
    const ok = await api.patch('/v1/me', person, { name: 'Rina', locale: 'bn-BD', time_zone: 'Asia/Dhaka' });
    expect(ok.body).toMatchObject({ name: 'Rina', locale: 'bn-BD', time_zone: 'Asia/Dhaka', user_id: person.userId });
  });

  it('a cashier cannot make themself admin, and a membership update takes only a role', async () => {
    const team = await teamOfThree(api, system.smsSinkFile);
    const self = await api.patch(`/v1/teams/${team.teamId}/members/${team.cashier.userId}`, team.cashier, { role: 'admin' });
    expect(self.status).toBe(403);
    const extra = await api.patch(`/v1/teams/${team.teamId}/members/${team.cashier.userId}`, team.admin, {
      role: 'observer',
      user_id: team.admin.userId,
      status: 'active',
    });
    expect(extra.status).toBe(400);
    const members = await api.get(`/v1/teams/${team.teamId}/members`, team.admin);
    const roles = Object.fromEntries(members.body.members.map((m: { user_id: string; role: string }) => [m.user_id, m.role]));
    expect(roles[team.cashier.userId]).toBe('cashier');
  });

  it('an observer sees other members’ phones masked', async () => {
    const team = await teamOfThree(api, system.smsSinkFile);
    const seen = await api.get(`/v1/teams/${team.teamId}/members`, team.observer);
    const admin = seen.body.members.find((m: { user_id: string }) => m.user_id === team.admin.userId);
    expect(admin.phone).not.toBe(team.admin.phone);
    expect(admin.phone).toContain('*');
    expect(seen.body.invitations).toEqual([]);
  });
});

describe('an admin can add a member only by invitation', () => {
  it('the invitation is for the invited phone only', async () => {
    const team = await teamOfThree(api, system.smsSinkFile);
    const invitee = await signIn(api, system.smsSinkFile);
    const thief = await signIn(api, system.smsSinkFile);
    await profileReady(api, thief);
    const invited = await api.post(`/v1/teams/${team.teamId}/members`, team.admin, { phone: invitee.phone, role: 'observer' });
    expect((await api.post(`/v1/invitations/${invited.body.id}/accept`, thief, {})).status).toBe(404);
    const joined = await addMember(api, team.admin, team.teamId, invitee, 'cashier');
    expect((await api.get(`/v1/teams/${team.teamId}`, joined)).body.my_role).toBe('cashier');
  });

  it('a new team starts with its creator as the only admin', async () => {
    const founder = await signIn(api, system.smsSinkFile);
    const teamId = await createTeam(api, founder, 'Acme Ltd');
    const members = await api.get(`/v1/teams/${teamId}/members`, { ...founder, teamId });
    expect(members.body.members).toEqual([expect.objectContaining({ user_id: founder.userId, role: 'admin' })]);
  });
});

describe('when Redis stalls', () => {
  it('the sign-in endpoints fail closed (503) while ordinary traffic goes on', async () => {
    const person = await signIn(api, system.smsSinkFile);
    // CLIENT PAUSE holds every other client's commands for 3 s, like a stalled server.
    const stall = spawn('redis-cli', ['-p', String(new URL(infra.redisUrl).port || 6379), 'CLIENT', 'PAUSE', '3000', 'ALL']);
    try {
      await new Promise((resolve) => stall.once('exit', resolve));
      const [login, me] = await Promise.all([
        api.post('/v1/auth/login', anonymous(), { phone: randomPhone() }),
        api.get('/v1/auth/sessions', person),
      ]);
      expect(login.status).toBe(503);
      expect(login.headers.get('content-type')).toMatch(/problem\+json/);
      expect(me.status).toBe(200);
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  });
});

describe('browsers from other origins', () => {
  it('get no CORS grant, and responses carry no framework fingerprint', async () => {
    const response = await api.get('/v1/auth/jwks', undefined, { origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
    const preflight = await api.request('OPTIONS', '/v1/transactions', undefined, undefined, {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
