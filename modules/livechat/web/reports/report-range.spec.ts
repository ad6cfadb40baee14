import { addDays, customRange, daysBetween, isDate, localDate, presetRange } from './report-range';

describe('Reporting periods', () => {
  it('frame the presets in days of the browser, today included, the day after the last as `to`', () => {
    expect(presetRange('today', '2026-12-06')).toEqual({ from: '2026-12-06', to: '2026-12-07' });
    expect(presetRange('7d', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-07' });
    expect(presetRange('30d', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-02' });
    expect(presetRange('month', '2026-12-06')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(presetRange('month', '2028-02-29')).toEqual({ from: '2028-02-01', to: '2028-03-01' });
  });

  it('take a custom range by its first and last days, and say what is wrong with one', () => {
    expect(customRange('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(customRange('2026-01-01', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-02' });
    expect(customRange('2026-01-01', '')).toBe('incomplete');
    expect(customRange('2026-02-30', '2026-03-01')).toBe('incomplete');
    expect(customRange('2026-02-01', '2026-01-31')).toBe('order');
    expect(customRange('2027-01-01', '2027-12-31')).toEqual({ from: '2027-01-01', to: '2028-01-01' }); // 365 days
    expect(customRange('2028-01-01', '2028-12-31')).toEqual({ from: '2028-01-01', to: '2029-01-01' }); // a leap year: 366
    expect(customRange('2027-01-01', '2028-01-01')).toEqual({ from: '2027-01-01', to: '2028-01-02' }); // 366
    expect(customRange('2027-01-01', '2028-01-02')).toBe('length');
  });

  it('count days in the calendar, across the switch to summer time', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(localDate(new Date(2026, 2, 29, 23, 30))).toBe('2026-03-29');
    expect([isDate('2026-02-28'), isDate('2026-02-29'), isDate('x'), isDate(null)]).toEqual([true, false, false, false]);
  });
});
