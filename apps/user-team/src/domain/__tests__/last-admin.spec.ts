import { status } from '@grpc/grpc-js';
import { assertAnAdminRemains } from '../last-admin';
import { UserTeamErrorCode } from '../user-team-error-code';
import { serviceErrorOf } from './service-error-of';

describe('assertAnAdminRemains', () => {
  it('refuses to demote or remove the only admin', () => {
    for (const newRole of ['cashier', 'observer', null] as const) {
      const error = serviceErrorOf(() => assertAnAdminRemains(1, { role: 'admin' }, newRole));
      expect([error.grpcStatus, error.code]).toEqual([status.FAILED_PRECONDITION, UserTeamErrorCode.LastAdmin]);
    }
  });

  it('allows it when another admin remains', () => {
    expect(() => assertAnAdminRemains(2, { role: 'admin' }, 'observer')).not.toThrow();
    expect(() => assertAnAdminRemains(2, { role: 'admin' }, null)).not.toThrow();
  });

  it('never blocks changes to non-admins, or keeping an admin an admin', () => {
    expect(() => assertAnAdminRemains(1, { role: 'cashier' }, null)).not.toThrow();
    expect(() => assertAnAdminRemains(1, { role: 'observer' }, 'admin')).not.toThrow();
    expect(() => assertAnAdminRemains(1, { role: 'admin' }, 'admin')).not.toThrow();
  });
});
