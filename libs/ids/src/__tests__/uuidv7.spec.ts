import { isUuid, uuidv7 } from '../uuidv7';

describe('uuidv7', () => {
  it('is a valid version 7 UUID carrying the timestamp', () => {
    const id = uuidv7(0x0190f3a0_1234);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(id.replace(/-/g, '').slice(0, 12)).toBe('0190f3a01234');
  });

  it('sorts by creation time', () => {
    const ids = [1, 2, 3, 1000, 50_000].map((offset) => uuidv7(1_700_000_000_000 + offset));
    expect([...ids].sort()).toEqual(ids);
  });

  it('is unique', () => {
    expect(new Set(Array.from({ length: 10_000 }, () => uuidv7())).size).toBe(10_000);
  });
});
