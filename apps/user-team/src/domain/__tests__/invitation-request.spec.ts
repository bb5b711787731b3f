import { status } from '@grpc/grpc-js';
import { validateInvitationRequest } from '../invitation-request';
import { UserTeamErrorCode } from '../user-team-error-code';
import { serviceErrorOf } from './service-error-of';

describe('validateInvitationRequest', () => {
  it('normalises the phone to E.164, with the region for national numbers', () => {
    expect(validateInvitationRequest({ phone: '+880 1712-345678', defaultRegion: '', role: 'cashier' })).toEqual({
      phone: '+8801712345678',
      role: 'cashier',
    });
    expect(validateInvitationRequest({ phone: '01712 345678', defaultRegion: 'bd', role: 'observer' }).phone).toBe('+8801712345678');
  });

  it('refuses an invalid phone, an invalid region, and a missing role, together', () => {
    const bad = serviceErrorOf(() => validateInvitationRequest({ phone: '12', defaultRegion: '', role: undefined }));
    expect([bad.grpcStatus, bad.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidInvitation]);
    expect(bad.fieldViolations.map((v) => v.field)).toEqual(['phone', 'role']);
    const region = serviceErrorOf(() => validateInvitationRequest({ phone: '01712345678', defaultRegion: 'BGD', role: 'admin' }));
    expect(region.fieldViolations.map((v) => v.field)).toEqual(['default_region']);
  });

  it('needs a region for a number typed without its country code', () => {
    expect(serviceErrorOf(() => validateInvitationRequest({ phone: '01712345678', defaultRegion: '', role: 'admin' })).code).toBe(
      UserTeamErrorCode.InvalidInvitation,
    );
  });
});
