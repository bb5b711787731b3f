import { checkTimeZone } from '../time-zone';

describe('checkTimeZone', () => {
  it('accepts IANA zones and UTC', () => {
    for (const zone of ['UTC', 'Asia/Dhaka', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo']) {
      expect(checkTimeZone(zone)).toEqual({ ok: true, value: zone });
    }
  });

  it('refuses anything else, including offsets and wrong case', () => {
    for (const zone of ['', 'Mars/Olympus', 'asia/dhaka', '+06:00', 'GMT+6', 'Asia/Dhaka ', 'x'.repeat(1000)]) {
      expect(checkTimeZone(zone).ok).toBe(false);
    }
  });
});
