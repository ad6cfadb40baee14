import { dayNumber, isCalendarDate, isoDate, isoWeekLabel, mondayOf, offsetAt, offsetSpans, startOfDay } from './report-calendar';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('report calendar: days, weeks and months of a time zone', () => {
  it('reads a zone offset at an instant, daylight saving included', () => {
    expect(offsetAt('UTC', at('2026-03-29T12:00:00Z'))).toBe(0);
    expect(offsetAt('Europe/Brussels', at('2026-03-29T00:59:59Z'))).toBe(1 * H);
    expect(offsetAt('Europe/Brussels', at('2026-03-29T01:00:00Z'))).toBe(2 * H);
    expect(offsetAt('America/New_York', at('2026-11-01T06:00:00Z'))).toBe(-5 * H);
    expect(offsetAt('Asia/Kathmandu', at('2026-06-01T00:00:00Z'))).toBe(5.75 * H);
  });

  it('finds each offset change of a range to the millisecond', () => {
    expect(offsetSpans('UTC', at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([{ untilMs: null, offsetMs: 0 }]);
    expect(offsetSpans('Europe/Brussels', at('2025-12-31T23:00:00Z'), at('2026-12-31T23:00:00Z'))).toEqual([
      { untilMs: at('2026-03-29T01:00:00Z'), offsetMs: 1 * H },
      { untilMs: at('2026-10-25T01:00:00Z'), offsetMs: 2 * H },
      { untilMs: null, offsetMs: 1 * H },
    ]);
    // A range shorter than the sampling step still sees a change inside it.
    expect(offsetSpans('Europe/Brussels', at('2026-03-29T00:00:00Z'), at('2026-03-29T02:00:00Z'))).toEqual([
      { untilMs: at('2026-03-29T01:00:00Z'), offsetMs: 1 * H },
      { untilMs: null, offsetMs: 2 * H },
    ]);
  });

  it('starts a local day at its midnight, or at the first instant that exists when the clocks jump over it', () => {
    expect(startOfDay('Europe/Brussels', dayNumber('2026-03-29'))).toBe(at('2026-03-28T23:00:00Z'));
    expect(startOfDay('Europe/Brussels', dayNumber('2026-03-30'))).toBe(at('2026-03-29T22:00:00Z'));
    expect(startOfDay('America/Los_Angeles', dayNumber('2026-11-01'))).toBe(at('2026-11-01T07:00:00Z'));
    // Santiago: summer time begins on 2026-09-06 at 00:00, which becomes 01:00 (UTC-4 → UTC-3).
    expect(startOfDay('America/Santiago', dayNumber('2026-09-06'))).toBe(at('2026-09-06T04:00:00Z'));
    expect(startOfDay('America/Santiago', dayNumber('2026-09-07'))).toBe(at('2026-09-07T03:00:00Z'));
  });

  it('names ISO weeks by their Monday, across years', () => {
    expect(isoDate(mondayOf(dayNumber('2026-03-29')))).toBe('2026-03-23'); // a Sunday belongs to the week before
    expect(isoDate(mondayOf(dayNumber('2026-03-30')))).toBe('2026-03-30');
    expect(isoDate(mondayOf(dayNumber('1970-01-01')))).toBe('1969-12-29');
    expect(isoWeekLabel(dayNumber('2026-03-23'))).toBe('2026-W13');
    expect(isoWeekLabel(dayNumber('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekLabel(dayNumber('2026-12-28'))).toBe('2026-W53');
  });

  it('knows which dates exist', () => {
    expect(['2026-02-28', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2026-02-29', '2026-13-01', '2026-1-01', '20260101'].map(isCalendarDate)).toEqual([false, false, false, false]);
  });
});
