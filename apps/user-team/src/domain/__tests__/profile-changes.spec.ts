import { status } from '@grpc/grpc-js';
import { PROFILE_FIELDS, validateProfileChanges } from '../profile-changes';
import { UserTeamErrorCode } from '../user-team-error-code';
import { serviceErrorOf } from './service-error-of';

const request = (updateMask: string[], fields: Partial<{ name: string; email: string; locale: string; timeZone: string }> = {}) => ({
  updateMask,
  name: '',
  email: '',
  locale: '',
  timeZone: '',
  ...fields,
});

describe('validateProfileChanges', () => {
  it('changes only the masked fields, whatever else the request carries', () => {
    expect(validateProfileChanges(request(['name'], { name: ' Rina ', email: 'x@example.com', locale: 'en' }))).toEqual({ name: 'Rina' });
  });

  it('validates and normalises every masked field', () => {
    expect(
      validateProfileChanges(
        request(['name', 'email', 'locale', 'time_zone'], { name: 'Rina', email: 'R@Example.com', locale: 'bn-bd', timeZone: 'Asia/Dhaka' }),
      ),
    ).toEqual({ name: 'Rina', email: 'R@example.com', locale: 'bn-BD', timeZone: 'Asia/Dhaka' });
  });

  it('lets the email be cleared but not the name', () => {
    expect(validateProfileChanges(request(['email']))).toEqual({ email: '' });
    expect(serviceErrorOf(() => validateProfileChanges(request(['name']))).code).toBe(UserTeamErrorCode.InvalidProfile);
  });

  it('lists every invalid field at once', () => {
    const error = serviceErrorOf(() =>
      validateProfileChanges(request(['name', 'email', 'locale', 'time_zone'], { name: '', email: 'nope', locale: '!', timeZone: 'Nowhere' })),
    );
    expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidProfile]);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['name', 'email', 'locale', 'time_zone']);
  });

  it('never lets id, phone, status or role through the mask', () => {
    expect(PROFILE_FIELDS).toEqual(['name', 'email', 'locale', 'time_zone']);
    for (const field of ['user_id', 'id', 'phone', 'status', 'role', 'created_at', 'team_id']) {
      const error = serviceErrorOf(() => validateProfileChanges(request(['name', field], { name: 'Rina' })));
      expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidUpdateMask]);
    }
  });
});
