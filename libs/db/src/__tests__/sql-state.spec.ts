import { isForeignKeyViolation, isUniqueViolation, sqlStateOf } from '../sql-state';

describe('sqlStateOf', () => {
  it('finds the SQLSTATE where pg and each Prisma path put it', () => {
    expect(sqlStateOf({ code: '40001' })).toBe('40001');
    expect(sqlStateOf({ code: 'P2002', cause: { originalCode: '23505' } })).toBe('23505');
    expect(sqlStateOf({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '40P01' } } } })).toBe('40P01');
    expect(sqlStateOf({ code: 'P0001' })).toBe('P0001');
  });

  it('never takes a Prisma code for a SQLSTATE', () => {
    expect(sqlStateOf({ code: 'P2010' })).toBeUndefined();
    expect(sqlStateOf(new Error('boom'))).toBeUndefined();
    expect(sqlStateOf(undefined)).toBeUndefined();
  });

  it('tells unique and foreign-key violations apart', () => {
    expect(isUniqueViolation({ code: 'P2002' })).toBe(true);
    expect(isUniqueViolation({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '23505' } } } })).toBe(true);
    expect(isUniqueViolation({ cause: { originalCode: '23503' } })).toBe(false);
    expect(isForeignKeyViolation({ cause: { originalCode: '23503' } })).toBe(true);
  });
});
