import { status } from '@grpc/grpc-js';
import { parseUpdateMask } from '../update-mask';
import { UserTeamErrorCode } from '../user-team-error-code';
import { serviceErrorOf } from './service-error-of';

const ALLOWED = ['name', 'email'] as const;

describe('parseUpdateMask', () => {
  it('returns the listed fields, duplicates folded', () => {
    expect([...parseUpdateMask(['name'], ALLOWED)]).toEqual(['name']);
    expect([...parseUpdateMask(['email', 'name', 'email'], ALLOWED)].sort()).toEqual(['email', 'name']);
  });

  it('refuses an empty mask', () => {
    const error = serviceErrorOf(() => parseUpdateMask([], ALLOWED));
    expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidUpdateMask]);
  });

  it('refuses the whole mask when one entry is not allowed, naming each such entry', () => {
    const error = serviceErrorOf(() => parseUpdateMask(['name', 'role', 'status', 'role'], ALLOWED));
    expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidUpdateMask]);
    expect(error.fieldViolations).toHaveLength(2);
    expect(error.fieldViolations.every((v) => v.field === 'update_mask')).toBe(true);
  });

  it('is exact: no case folding, no camelCase aliases, no wildcard', () => {
    for (const entry of ['Name', 'NAME', '*', 'name ', '']) {
      expect(serviceErrorOf(() => parseUpdateMask([entry], ALLOWED)).code).toBe(UserTeamErrorCode.InvalidUpdateMask);
    }
  });

  it('reports a bounded number of bad entries, each cut short', () => {
    const error = serviceErrorOf(() => parseUpdateMask(Array.from({ length: 50 }, (_, i) => `x${i}${'y'.repeat(500)}`), ALLOWED));
    expect(error.fieldViolations.length).toBeLessThanOrEqual(5);
    expect(error.fieldViolations.every((v) => v.description.length < 200)).toBe(true);
  });
});
