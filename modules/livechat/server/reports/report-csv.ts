import type { SessionsReport } from '@lc/protocol';

/** The CSV's columns, in order: the row's fields, the ratings split in three. */
export const REPORT_CSV_COLUMNS = ['key', 'label', 'sessions', 'answered', 'missed', 'messages', 'medianFirstResponseS', 'p90FirstResponseS', 'medianDurationS', 'happy', 'okay', 'unhappy', 'satisfaction'] as const;

/**
 * The rows of a report as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, a quote or a line
 * break). UTF-8 with a byte order mark, so that spreadsheets read names with accents right. A text cell
 * that a spreadsheet would run as a formula (a channel named `=HYPERLINK(…)`) is prefixed with `'`.
 */
export function reportCsv(report: SessionsReport): string {
  const lines = [REPORT_CSV_COLUMNS.join(',')];
  for (const row of report.rows) {
    const values = [row.key, row.label, row.sessions, row.answered, row.missed, row.messages, row.medianFirstResponseS, row.p90FirstResponseS, row.medianDurationS, row.ratings.happy, row.ratings.okay, row.ratings.unhappy, row.satisfaction];
    lines.push(values.map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `livechat-sessions-2026-11-01-2026-12-01-by-day.csv` */
export function reportCsvFilename(report: SessionsReport): string {
  return `livechat-sessions-${report.from}-${report.to}-by-${report.groupBy}.csv`;
}
