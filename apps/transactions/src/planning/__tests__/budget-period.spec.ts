import { periodContaining } from '../domain/budget-period';
import { formatIsoDate } from '../domain/civil-date';
import { localDateOf, startOfLocalDay } from '../domain/zoned-time';

function period(kind: 'month' | 'year', zone: string, instant: string) {
  const p = periodContaining(kind, zone, new Date(instant));
  return { start: formatIsoDate(p.start), end: formatIsoDate(p.end), startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() };
}

describe('budget periods in a time zone', () => {
  it('a UTC month runs from the first midnight to the next', () => {
    expect(period('month', 'UTC', '2026-11-26T10:00:00Z')).toEqual({
      start: '2026-11-01',
      end: '2026-12-01',
      startsAt: '2026-11-01T00:00:00.000Z',
      endsAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('an instant that is still last month in UTC is already next month in Dhaka (UTC+6)', () => {
    expect(period('month', 'Asia/Dhaka', '2026-11-30T19:00:00Z')).toEqual({
      start: '2026-12-01',
      end: '2027-01-01',
      startsAt: '2026-11-30T18:00:00.000Z',
      endsAt: '2026-12-31T18:00:00.000Z',
    });
    expect(period('month', 'UTC', '2026-11-30T19:00:00Z').start).toBe('2026-11-01');
  });

  it('the last instant before local midnight belongs to the old month, midnight to the new one', () => {
    expect(period('month', 'Asia/Dhaka', '2026-11-30T17:59:59.999Z').start).toBe('2026-11-01');
    expect(period('month', 'Asia/Dhaka', '2026-11-30T18:00:00.000Z').start).toBe('2026-12-01');
  });

  it('New York months have the right length across daylight saving changes', () => {
    // March 2026: starts in EST (-5), ends in EDT (-4); one hour shorter.
    const march = period('month', 'America/New_York', '2026-03-15T12:00:00Z');
    expect(march).toEqual({
      start: '2026-03-01',
      end: '2026-04-01',
      startsAt: '2026-03-01T05:00:00.000Z',
      endsAt: '2026-04-01T04:00:00.000Z',
    });
    // November 2026: starts in EDT, ends in EST; one hour longer.
    const november = period('month', 'America/New_York', '2026-11-30T23:00:00Z');
    expect(november.startsAt).toBe('2026-11-01T04:00:00.000Z');
    expect(november.endsAt).toBe('2026-12-01T05:00:00.000Z');
    // 04:30Z on 1 December is still 30 November, 23:30 in New York.
    expect(period('month', 'America/New_York', '2026-12-01T04:30:00Z').start).toBe('2026-11-01');
  });

  it('years turn at local midnight of 1 January', () => {
    expect(period('year', 'America/New_York', '2027-01-01T04:59:59Z')).toEqual({
      start: '2026-01-01',
      end: '2027-01-01',
      startsAt: '2026-01-01T05:00:00.000Z',
      endsAt: '2027-01-01T05:00:00.000Z',
    });
    expect(period('year', 'America/New_York', '2027-01-01T05:00:00Z').start).toBe('2027-01-01');
    // Auckland is 13 hours ahead in summer: its 2027 starts at 11:00Z on 31 December.
    expect(period('year', 'Pacific/Auckland', '2026-12-31T11:00:00Z').start).toBe('2027-01-01');
    expect(period('year', 'Pacific/Auckland', '2026-12-31T10:59:59Z').start).toBe('2026-01-01');
  });

  it('handles zones with odd offsets (Kathmandu, UTC+5:45)', () => {
    expect(period('month', 'Asia/Kathmandu', '2026-01-15T00:00:00Z').startsAt).toBe('2025-12-31T18:15:00.000Z');
  });

  it('a period covers every instant exactly once: end of one is the start of the next', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Dhaka', 'America/Santiago', 'Australia/Lord_Howe']) {
      let instant = new Date('2026-01-15T00:00:00Z');
      for (let month = 0; month < 14; month++) {
        const current = periodContaining('month', zone, instant);
        const next = periodContaining('month', zone, current.endsAt);
        expect(next.startsAt.getTime()).toBe(current.endsAt.getTime());
        expect(periodContaining('month', zone, new Date(current.endsAt.getTime() - 1)).start).toEqual(current.start);
        instant = next.startsAt;
      }
    }
  });
});

describe('the start of a local day', () => {
  it('is local midnight, also on daylight saving days', () => {
    expect(startOfLocalDay('America/New_York', { year: 2026, month: 3, day: 8 }).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('America/New_York', { year: 2026, month: 3, day: 9 }).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('America/New_York', { year: 2026, month: 11, day: 1 }).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('America/New_York', { year: 2026, month: 11, day: 2 }).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('is the moment after the jump where midnight does not exist (Santiago, Beirut)', () => {
    // Chile springs forward at 24:00 on 5 September 2026: 6 September starts at 01:00 (-03).
    const santiago = startOfLocalDay('America/Santiago', { year: 2026, month: 9, day: 6 });
    expect(santiago.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf('America/Santiago', new Date(santiago.getTime() - 1))).toEqual({ year: 2026, month: 9, day: 5 });
    const beirut = startOfLocalDay('Asia/Beirut', { year: 2026, month: 3, day: 29 });
    expect(beirut.toISOString()).toBe('2026-03-28T22:00:00.000Z');
  });
});
