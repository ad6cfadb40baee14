import { isTimeGroup, ReportFormat } from './report-format';

/** Intl puts narrow and thin spaces where it should; the expectations are written with plain ones. */
const plain = (text: string | null) => text?.replace(/\s/g, ' ') ?? null;

describe('Reporting figures in the user language', () => {
  const en = new ReportFormat('en-US');
  const fr = new ReportFormat('fr-FR');

  it('write counts, shares and durations as the locale does', () => {
    expect([en.count(12345), fr.count(12345)].map(plain)).toEqual(['12,345', '12 345']);
    expect([en.percent(0.825), en.percent(null), fr.percent(1 / 3)].map(plain)).toEqual(['83%', null, '33 %']);
    expect([en.duration(45.4), en.duration(750), en.duration(5400), en.duration(null)].map(plain)).toEqual(['45 sec', '12.5 min', '1.5 hr', null]);
    expect([fr.duration(45), fr.duration(750)].map(plain)).toEqual(['45 s', '12,5 min']);
    expect(plain(en.exactSeconds(52.5))).toBe('52.5 sec');
    expect(en.decimal(8.25)).toBe('8.3');
  });

  it('name days, weeks and months by their calendar date, whatever the zone of the browser', () => {
    expect(plain(en.timeLabel('2026-12-06', 'day'))).toBe('Dec 6');
    expect(plain(en.timeTitle('2026-12-06', 'day'))).toBe('Sun, Dec 6, 2026');
    expect(plain(en.timeLabel('2026-11-30', 'week'))).toBe('Nov 30 – Dec 6');
    expect(plain(en.timeTitle('2026-12-28', 'week'))).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect([en.timeLabel('2026-12', 'month'), fr.timeLabel('2026-12', 'month')]).toEqual(['December 2026', 'décembre 2026']);
    expect(['day', 'week', 'month', 'operator', 'channel', 'language'].map((g) => isTimeGroup(g as never))).toEqual([true, true, true, false, false, false]);
  });
});
