import type { ConversationItem } from '@lc/protocol';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** "14:05" (or "2:05 PM") in the user's locale. */
export function timeOfDay(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

/** The messaging menu's date: "now", "5 min", "14:05" today, "Yesterday", a weekday this week, else a short date. */
export function relativeTime(iso: string, now: number): string {
  const time = new Date(iso).getTime();
  const elapsed = now - time;
  if (elapsed < MINUTE) return 'now';
  if (elapsed < 60 * MINUTE) return `${Math.floor(elapsed / MINUTE)} min`;
  const days = Math.round((startOfDay(now) - startOfDay(time)) / DAY);
  if (days <= 0) return timeOfDay(iso);
  if (days === 1) return 'Yesterday';
  if (days < 7) return new Date(iso).toLocaleDateString(undefined, { weekday: 'long' });
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** The separator between days of a thread: "Today", "Yesterday", "Monday, 3 March". */
export function dayLabel(iso: string, now: number): string {
  const days = Math.round((startOfDay(now) - startOfDay(new Date(iso).getTime())) / DAY);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  const sameYear = new Date(iso).getFullYear() === new Date(now).getFullYear();
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
}

/** One line under the name: "You: …" for our own messages, "Name: …" in channels. */
export function preview(item: ConversationItem, myId: number | undefined): string {
  const last = item.lastMessage;
  if (!last) return item.kind === 'livechat' ? 'Waiting for the first message' : 'No message yet';
  const body = last.body.replace(/\s+/g, ' ').trim();
  if (last.author.kind === 'user' && last.author.id === myId) return `You: ${body}`;
  if (item.kind === 'channel' && last.author.kind !== 'system') return `${last.author.name}: ${body}`;
  return body;
}

const BROWSERS: Array<[RegExp, string]> = [
  [/Edg\/(\d+)/, 'Edge'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|Chromium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A short name for a browser from its user agent: "Chrome 120 on Linux" (the full string goes in a tooltip). */
export function browserName(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown';
  const browser = BROWSERS.map(([pattern, name]) => {
    const version = pattern.exec(userAgent)?.[1];
    return version ? `${name} ${version}` : null;
  }).find(Boolean);
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return userAgent.length > 60 ? `${userAgent.slice(0, 60)}…` : userAgent;
  return system ? `${browser} on ${system}` : browser;
}
