import type { SessionStatus } from '@lc/protocol';
import { uiLocale } from '@lc/platform/web';

export const statusLabels = (): Record<SessionStatus, string> => ({
  queued: $localize`:@@livechat.status.queued:Queued`,
  active: $localize`:@@livechat.status.inProgress:In progress`,
  ended: $localize`:@@livechat.status.ended:Ended`,
});
export const STATUS_BADGES: Record<SessionStatus, string> = { queued: 'lc-badge-info', active: 'lc-badge-success', ended: 'lc-badge-muted' };

/** "3 min", "1 h 05", "2 d 4 h": how long a session lasted, or has lasted so far. */
export function duration(startedAt: string, endedAt: string | null, now: number): string {
  const seconds = Math.max(0, Math.round(((endedAt ? Date.parse(endedAt) : now) - Date.parse(startedAt)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(uiLocale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
