import type { ConversationItem } from '@lc/protocol';
import { uiLocale } from '@lc/platform/web';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** "14:05" (or "2:05 PM") in the user's language. */
export function timeOfDay(iso: string): string {
  return new Date(iso).toLocaleTimeString(uiLocale(), { hour: 'numeric', minute: '2-digit' });
}

/** "now", "5 min ago" ("il y a 5 min", "vor 5 Min."), "yesterday" in the user's language, capitalised as a label. */
function relative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  const text = new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto', style: 'short' }).format(value, unit);
  return text.charAt(0).toLocaleUpperCase(uiLocale()) + text.slice(1);
}

/** The messaging menu's date: "Now", "5 min ago", "14:05" today, "Yesterday", a weekday this week, else a short date. */
export function relativeTime(iso: string, now: number): string {
  const time = new Date(iso).getTime();
  const elapsed = now - time;
  if (elapsed < MINUTE) return relative(0, 'second');
  if (elapsed < 60 * MINUTE) return relative(-Math.floor(elapsed / MINUTE), 'minute');
  const days = Math.round((startOfDay(now) - startOfDay(time)) / DAY);
  if (days <= 0) return timeOfDay(iso);
  if (days === 1) return relative(-1, 'day');
  if (days < 7) return new Date(iso).toLocaleDateString(uiLocale(), { weekday: 'long' });
  return new Date(iso).toLocaleDateString(uiLocale(), { day: 'numeric', month: 'short' });
}

/** The separator between days of a thread: "Today", "Yesterday", "Monday, 3 March". */
export function dayLabel(iso: string, now: number): string {
  const days = Math.round((startOfDay(now) - startOfDay(new Date(iso).getTime())) / DAY);
  if (days === 0 || days === 1) return relative(-days, 'day');
  const sameYear = new Date(iso).getFullYear() === new Date(now).getFullYear();
  return new Date(iso).toLocaleDateString(uiLocale(), { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** One line under the name: "You: …" for our own messages, "Name: …" in channels; `empty` while there is no message. */
export function preview(item: ConversationItem, myId: number | undefined, empty: string): string {
  const last = item.lastMessage;
  if (!last) return empty;
  const body = last.body.replace(/\s+/g, ' ').trim();
  if (last.author.kind === 'user' && last.author.id === myId) return $localize`:@@discuss.preview.you:You: ${body}:MESSAGE:`;
  if (item.kind === 'channel' && last.author.kind !== 'system') return `${last.author.name}: ${body}`;
  return body;
}
