import { status } from '@grpc/grpc-js';
import { callerUserId, parseClientId } from '../client-id';
import { UserTeamErrorCode } from '../user-team-error-code';
import { serviceErrorOf } from './service-error-of';

describe('client ids', () => {
  const id = '0190f3a0-0000-7000-8000-000000000001';

  it('accepts UUIDs in either case, lower-cased', () => {
    expect(parseClientId(id.toUpperCase())).toBe(id);
  });

  it('reads anything else as an id that names nothing', () => {
    for (const value of ['', '1', 'abc', `${id}x`, "' OR 1=1 --"]) expect(parseClientId(value)).toBeUndefined();
  });

  it('treats a caller without a UUID user id as unauthenticated', () => {
    expect(callerUserId({ userId: id })).toBe(id);
    const error = serviceErrorOf(() => callerUserId({ userId: 'admin' }));
    expect([error.grpcStatus, error.code]).toEqual([status.UNAUTHENTICATED, UserTeamErrorCode.InvalidCaller]);
  });
});
