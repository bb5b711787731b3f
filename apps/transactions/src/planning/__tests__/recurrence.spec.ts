import { addDays, compareDates, formatIsoDate, parseIsoDate, type CivilDate } from '../domain/civil-date';
import { firstIndexOnOrAfter, occurrenceAt, occurrencesBetween, type Recurrence } from '../domain/recurrence';

const d = (text: string): CivilDate => parseIsoDate(text)!;

function rule(overrides: Partial<Recurrence> & Pick<Recurrence, 'frequency'>): Recurrence {
  return { weekday: null, dayOfMonth: null, month: null, startDate: d('2026-01-01'), endDate: null, maxOccurrences: null, ...overrides };
}

function dates(r: Recurrence, from: string, to: string): string[] {
  return occurrencesBetween(r, d(from), d(to)).map((o) => formatIsoDate(o.date));
}

describe('recurrence expansion', () => {
  it('monthly on the 31st falls on the last day of shorter months', () => {
    const r = rule({ frequency: 'monthly', dayOfMonth: 31, startDate: d('2026-01-31') });
    expect(dates(r, '2026-01-01', '2026-07-31')).toEqual([
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31',
    ]);
  });

  it('monthly on the 29th or 30th keeps its day after February', () => {
    expect(dates(rule({ frequency: 'monthly', dayOfMonth: 30, startDate: d('2026-01-30') }), '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-30', '2026-02-28', '2026-03-30', '2026-04-30',
    ]);
    expect(dates(rule({ frequency: 'monthly', dayOfMonth: 29, startDate: d('2027-12-29') }), '2027-12-01', '2028-03-31')).toEqual([
      '2027-12-29', '2028-01-29', '2028-02-29', '2028-03-29',
    ]);
  });

  it('the first monthly occurrence is the next one on or after the start date', () => {
    expect(dates(rule({ frequency: 'monthly', dayOfMonth: 5, startDate: d('2026-01-20') }), '2026-01-01', '2026-03-31')).toEqual([
      '2026-02-05', '2026-03-05',
    ]);
    // Starting on 28 February with day 31: February's clamped day is the 28th, so it counts.
    expect(dates(rule({ frequency: 'monthly', dayOfMonth: 31, startDate: d('2026-02-28') }), '2026-01-01', '2026-03-31')).toEqual([
      '2026-02-28', '2026-03-31',
    ]);
  });

  it('yearly on 29 February falls on the 28th in common years', () => {
    const r = rule({ frequency: 'yearly', month: 2, dayOfMonth: 29, startDate: d('2028-02-29') });
    expect(dates(r, '2028-01-01', '2033-12-31')).toEqual([
      '2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29', '2033-02-28',
    ]);
  });

  it('yearly starts next year when this year’s date has passed; 2100 is not a leap year', () => {
    const r = rule({ frequency: 'yearly', month: 2, dayOfMonth: 29, startDate: d('2096-03-01') });
    expect(dates(r, '2096-01-01', '2101-01-01')).toEqual(['2097-02-28', '2098-02-28', '2099-02-28', '2100-02-28']);
  });

  it('weekly on a weekday, from the first such day on or after the start', () => {
    // 2026-01-01 is a Thursday; Mondays (1) from then on.
    const r = rule({ frequency: 'weekly', weekday: 1 });
    expect(dates(r, '2026-01-01', '2026-01-31')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect(dates(rule({ frequency: 'weekly', weekday: 4 }), '2026-01-01', '2026-01-10')).toEqual(['2026-01-01', '2026-01-08']);
  });

  it('stops after count occurrences', () => {
    const r = rule({ frequency: 'daily', startDate: d('2026-03-30'), maxOccurrences: 3 });
    expect(dates(r, '2026-01-01', '2026-12-31')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01']);
    expect(occurrenceAt(r, 2)).toEqual({ index: 2, date: d('2026-04-01') });
    expect(occurrenceAt(r, 3)).toBeUndefined();
  });

  it('stops after the end date, which is inclusive', () => {
    const r = rule({ frequency: 'monthly', dayOfMonth: 15, startDate: d('2026-01-01'), endDate: d('2026-04-15') });
    expect(dates(r, '2025-01-01', '2027-01-01')).toEqual(['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15']);
  });

  it('numbers occurrences from the start even when the window starts later', () => {
    const r = rule({ frequency: 'monthly', dayOfMonth: 1, maxOccurrences: 12 });
    expect(occurrencesBetween(r, d('2026-11-15'), d('2027-03-01'))).toEqual([
      { index: 11, date: d('2026-12-01') },
    ]);
  });

  it('firstIndexOnOrAfter agrees with walking the occurrences one by one', () => {
    const rules: Recurrence[] = [
      rule({ frequency: 'daily', startDate: d('2026-02-27') }),
      rule({ frequency: 'weekly', weekday: 7, startDate: d('2026-02-27') }),
      rule({ frequency: 'monthly', dayOfMonth: 31, startDate: d('2026-01-31') }),
      rule({ frequency: 'monthly', dayOfMonth: 30, startDate: d('2027-11-30') }),
      rule({ frequency: 'yearly', month: 2, dayOfMonth: 29, startDate: d('2027-06-01') }),
      rule({ frequency: 'yearly', month: 12, dayOfMonth: 31, startDate: d('2026-12-31') }),
    ];
    for (const r of rules) {
      const walked: CivilDate[] = [];
      for (let i = 0; i < 60; i++) walked.push(occurrenceAt(r, i)!.date);
      for (let day = -40; day < 1_500; day += 7) {
        const probe = addDays(r.startDate, day);
        const expected = walked.findIndex((date) => compareDates(date, probe) >= 0);
        if (expected === -1) continue;
        expect([formatIsoDate(probe), firstIndexOnOrAfter(r, probe)]).toEqual([formatIsoDate(probe), expected]);
      }
    }
  });
});
