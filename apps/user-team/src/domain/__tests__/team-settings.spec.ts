import { status } from '@grpc/grpc-js';
import { validateNewTeam, validateTeamChanges } from '../team-settings';
import { UserTeamErrorCode } from '../user-team-error-code';
import { serviceErrorOf } from './service-error-of';

const valid = { name: 'Rahman family', kind: 'family' as const, baseCurrency: 'BDT', timeZone: 'Asia/Dhaka' };

describe('validateNewTeam', () => {
  it('accepts a complete, valid team and trims its name', () => {
    expect(validateNewTeam({ ...valid, name: '  Rahman family  ' })).toEqual(valid);
  });

  it('requires every setting and reports each problem', () => {
    const error = serviceErrorOf(() => validateNewTeam({ name: '', kind: undefined, baseCurrency: '', timeZone: '' }));
    expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidTeam]);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['name', 'type', 'base_currency', 'time_zone']);
  });

  it('takes only known, upper-case ISO 4217 ledger currencies', () => {
    for (const code of ['USD', 'JPY', 'KWD', 'BDT', 'EUR']) expect(validateNewTeam({ ...valid, baseCurrency: code }).baseCurrency).toBe(code);
    for (const code of ['usd', 'XYZ', 'US', 'USDT', 'XAU', 'XXX']) {
      expect(serviceErrorOf(() => validateNewTeam({ ...valid, baseCurrency: code })).fieldViolations.map((v) => v.field)).toEqual([
        'base_currency',
      ]);
    }
  });

  it('refuses names over 100 characters and unknown time zones', () => {
    expect(serviceErrorOf(() => validateNewTeam({ ...valid, name: 'x'.repeat(101) })).code).toBe(UserTeamErrorCode.InvalidTeam);
    expect(serviceErrorOf(() => validateNewTeam({ ...valid, timeZone: 'Dhaka' })).code).toBe(UserTeamErrorCode.InvalidTeam);
  });
});

describe('validateTeamChanges', () => {
  const empty = { name: '', kind: undefined, baseCurrency: '', timeZone: '' };

  it('changes only the masked settings', () => {
    expect(validateTeamChanges({ ...empty, updateMask: ['name'], name: 'Office', baseCurrency: 'nope' })).toEqual({ name: 'Office' });
    expect(validateTeamChanges({ ...empty, updateMask: ['type', 'base_currency'], kind: 'company', baseCurrency: 'USD' })).toEqual({
      kind: 'company',
      baseCurrency: 'USD',
    });
  });

  it('validates a masked setting even when it is empty', () => {
    expect(serviceErrorOf(() => validateTeamChanges({ ...empty, updateMask: ['type'] })).fieldViolations.map((v) => v.field)).toEqual(['type']);
  });

  it('refuses mask entries that are not settings', () => {
    for (const field of ['id', 'created_by', 'created_at', 'deleted_at', 'my_role', 'members']) {
      const error = serviceErrorOf(() => validateTeamChanges({ ...empty, updateMask: [field] }));
      expect([error.grpcStatus, error.code]).toEqual([status.INVALID_ARGUMENT, UserTeamErrorCode.InvalidUpdateMask]);
    }
  });
});
