import { parseIsoDate, type CivilDate } from '../domain/civil-date';
import { goalProgress } from '../domain/goal-progress';

const d = (text: string): CivilDate => parseIsoDate(text)!;
const iso = (date: CivilDate | undefined) =>
  date && `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

function progress(savedMinor: bigint, today: string, targetMinor = 100_000n) {
  return goalProgress({ targetMinor, savedMinor, startDate: d('2026-01-01'), targetDate: d('2026-06-30'), today: d(today) });
}

describe('goal progress and projection', () => {
  it('projects from the average daily rate since the start, in whole days', () => {
    // 10 days (1-10 January) saved 100.00 of 1000.00: 900.00 more at 10.00 a day is 90 days.
    const p = progress(10_000n, '2026-01-10');
    expect(p).toMatchObject({ savedMinor: 10_000n, remainingMinor: 90_000n, percentBasisPoints: 1_000n, completed: false, onTrack: true });
    expect(iso(p.projectedCompletion)).toBe('2026-04-10');
  });

  it('rounds the days still needed up, never down', () => {
    // 700.00 remaining at 30.00 a day is 23.3 days: 24.
    const p = progress(30_000n, '2026-01-10');
    expect(iso(p.projectedCompletion)).toBe('2026-02-03');
  });

  it('says when the projection is later than the target date', () => {
    const p = progress(1_000n, '2026-01-10');
    expect(iso(p.projectedCompletion)).toBe('2028-09-26');
    expect(p.onTrack).toBe(false);
  });

  it('counts the first day as one day elapsed', () => {
    const p = progress(50_000n, '2026-01-01');
    expect(iso(p.projectedCompletion)).toBe('2026-01-02');
  });

  it('has no projection before anything is saved, and none once completed', () => {
    expect(progress(0n, '2026-02-01')).toMatchObject({ projectedCompletion: undefined, completed: false, onTrack: false });
    expect(progress(100_000n, '2026-02-01')).toMatchObject({ remainingMinor: 0n, completed: true, onTrack: true, projectedCompletion: undefined });
    expect(progress(120_000n, '2026-02-01')).toMatchObject({ remainingMinor: 0n, percentBasisPoints: 12_000n, completed: true });
  });

  it('gives up on a projection beyond year 9999 instead of overflowing', () => {
    const p = progress(1n, '2026-12-31', 10n ** 15n);
    expect(p.projectedCompletion).toBeUndefined();
    expect(p.onTrack).toBe(false);
  });
});
