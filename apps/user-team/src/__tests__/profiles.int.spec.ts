import { status } from '@grpc/grpc-js';
import { UserRegistered } from '@cashier/contracts/cashier/events/v1/auth';
import { PermanentEventError } from '@cashier/events';
import { uuidv7 } from '@cashier/ids';
import { createLogger } from '@cashier/logger';
import { UserTeamErrorCode } from '../domain/user-team-error-code';
import { PROFILES_CONSUMER_GROUP } from '../events/create-profile-on-user-registered';
import { randomPhone, UserTeamTestServer, type User } from './support/user-team-test-server';

const log = createLogger('user-team-test', 'silent');

describe('profiles (gRPC + PostgreSQL)', () => {
  const service = new UserTeamTestServer();
  beforeAll(() => service.start());
  afterAll(() => service.stop());

  const profileRow = async (userId: string) =>
    (await service.pool.query('SELECT * FROM profiles WHERE user_id = $1', [userId])).rows;

  describe('created from auth’s UserRegistered event', () => {
    it('does not exist before the event: GetMe is NOT_FOUND, profile not ready', async () => {
      const user = { userId: uuidv7(), phone: randomPhone() };
      const failure = await service.failure(service.call('getMe', {}, user));
      expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.ProfileNotReady]);
    });

    it('is created exactly once from an event delivered twice, and twice at the same moment', async () => {
      const user: User = { userId: uuidv7(), phone: randomPhone() };
      const event = service.userRegisteredEvent(user);
      await service.onUserRegistered(event, log);
      await service.onUserRegistered(event, log);
      await Promise.all([service.onUserRegistered(event, log), service.onUserRegistered(event, log)]);
      expect(await profileRow(user.userId)).toHaveLength(1);
      const inbox = await service.pool.query('SELECT count(*)::int AS n FROM inbox WHERE consumer_group = $1 AND event_id = $2', [
        PROFILES_CONSUMER_GROUP,
        event.id,
      ]);
      expect(inbox.rows[0].n).toBe(1);

      const { profile } = await service.call('getMe', {}, user);
      expect(profile).toMatchObject({ userId: user.userId, phone: user.phone, name: '', email: '', locale: '', timeZone: '' });
    });

    it('keeps the first profile when auth publishes the same registration again under a new event id', async () => {
      const user = await service.registeredUser();
      await service.onUserRegistered(service.userRegisteredEvent({ ...user, phone: randomPhone() }), log);
      const rows = await profileRow(user.userId);
      expect(rows.map((r) => r.phone)).toEqual([user.phone]);
    });

    it('dead-letters an event that can never apply', async () => {
      const user = { userId: uuidv7(), phone: randomPhone() };
      const garbage = { ...service.userRegisteredEvent(user), payload: Buffer.from([0xff, 0xff, 0xff]) };
      await expect(service.onUserRegistered(garbage, log)).rejects.toBeInstanceOf(PermanentEventError);
      const badPhone = {
        ...service.userRegisteredEvent(user),
        payload: Buffer.from(UserRegistered.encode({ userId: user.userId, phone: 'not a phone', registeredAt: new Date() }).finish()),
      };
      await expect(service.onUserRegistered(badPhone, log)).rejects.toBeInstanceOf(PermanentEventError);
      const badUser = { ...service.userRegisteredEvent({ userId: 'nobody', phone: user.phone }) };
      await expect(service.onUserRegistered(badUser, log)).rejects.toBeInstanceOf(PermanentEventError);
      expect(await profileRow(user.userId)).toHaveLength(0);
    });
  });

  describe('UpdateMe', () => {
    it('changes exactly the masked fields, normalised', async () => {
      const user = await service.registeredUser();
      const { profile } = await service.call(
        'updateMe',
        { updateMask: ['name', 'locale', 'time_zone'], name: ' Rina Rahman ', email: 'ignored@example.com', locale: 'bn-bd', timeZone: 'Asia/Dhaka' },
        user,
      );
      expect(profile).toMatchObject({ name: 'Rina Rahman', email: '', locale: 'bn-BD', timeZone: 'Asia/Dhaka', phone: user.phone });
      const { profile: again } = await service.call('updateMe', { updateMask: ['email'], name: '', email: 'rina@example.com', locale: '', timeZone: '' }, user);
      expect(again).toMatchObject({ name: 'Rina Rahman', email: 'rina@example.com', locale: 'bn-BD' });
      expect((await service.call('getMe', {}, user)).profile).toEqual(again);
    });

    it('refuses mask entries for anything else (role, status, phone, id) and changes nothing', async () => {
      const user = await service.registeredUser();
      await service.call('updateMe', { updateMask: ['name'], name: 'Before', email: '', locale: '', timeZone: '' }, user);
      const before = await profileRow(user.userId);
      for (const field of ['role', 'status', 'phone', 'user_id', 'id', 'created_at', 'team_id', 'nickname']) {
        const failure = await service.failure(
          service.call('updateMe', { updateMask: ['name', field], name: 'After', email: '', locale: '', timeZone: '' }, user),
        );
        expect([failure.status, failure.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidUpdateMask]);
      }
      expect(await profileRow(user.userId)).toEqual(before);
    });

    it('refuses invalid values and an empty mask, changing nothing', async () => {
      const user = await service.registeredUser();
      const before = await profileRow(user.userId);
      const cases = [
        { updateMask: ['name'], name: '', email: '', locale: '', timeZone: '' },
        { updateMask: ['name'], name: 'x'.repeat(101), email: '', locale: '', timeZone: '' },
        { updateMask: ['email'], name: '', email: 'not-an-email', locale: '', timeZone: '' },
        { updateMask: ['locale'], name: '', email: '', locale: 'not a locale', timeZone: '' },
        { updateMask: ['time_zone'], name: '', email: '', locale: '', timeZone: 'Mars/Olympus' },
        { updateMask: ['name', 'time_zone'], name: 'Valid', email: '', locale: '', timeZone: 'Nowhere' },
        { updateMask: [], name: 'Valid', email: '', locale: '', timeZone: '' },
      ];
      for (const request of cases) {
        const failure = await service.failure(service.call('updateMe', request, user));
        expect(failure.status).toBe(status.INVALID_ARGUMENT);
      }
      expect(await profileRow(user.userId)).toEqual(before);
    });

    it('is NOT_FOUND (profile not ready) before the registration event', async () => {
      const failure = await service.failure(
        service.call('updateMe', { updateMask: ['name'], name: 'Early', email: '', locale: '', timeZone: '' }, { userId: uuidv7(), phone: '' }),
      );
      expect([failure.status, failure.code]).toEqual([status.NOT_FOUND, UserTeamErrorCode.ProfileNotReady]);
    });
  });

  it('answers UNAUTHENTICATED when the context’s user is not a UUID', async () => {
    const user = await service.registeredUser();
    const failure = await service.failure(service.call('getMe', {}, { ...user, userId: 'not-a-uuid' }));
    expect(failure.status).toBe(status.UNAUTHENTICATED);
  });
});
