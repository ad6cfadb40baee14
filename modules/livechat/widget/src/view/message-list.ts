import type { VisitorChat } from '../core/visitor-chat';
import { h } from './dom';

/**
 * The conversation as rows: the channel's welcome message (its stored copy once the session has one), the stored messages by id, then what the outbox
 * still holds. Consecutive bubbles of one author form a group: the name above the first, the time below the last.
 */
export function messageRows(chat: VisitorChat): Node[] {
  const rows: Node[] = [];
  let prevKey = '';
  let last: { row: HTMLElement; time: string; meta?: string } | null = null;
  const closeGroup = () => {
    if (last && (last.time || last.meta)) last.row.append(h('div', { class: 'lc-meta', text: last.meta || last.time }));
    last = null;
  };
  // `meta` (a delivery state) shows under this bubble and ends its group.
  const bubble = (key: string, me: boolean, who: string | null, text: string, time: string, cls = '', meta?: string) => {
    const first = key !== prevKey;
    if (first) closeGroup();
    const row = h('div', { class: `lc-row${me ? ' me' : ''}${first ? ' first' : ''}${cls}` }, first && who ? h('div', { class: 'lc-who', text: who }) : null, h('div', { class: 'lc-msg', title: time || null, text }));
    rows.push(row);
    if (meta) closeGroup();
    last = { row, time, meta };
    prevKey = meta ? '' : key;
  };

  const { channel, operator } = chat;
  const welcome = channel && channel.welcomeMessage;
  const storedWelcome = chat.storedWelcome;
  if (welcome && !storedWelcome) bubble(operator ? `user:${operator.id}` : 'welcome', false, operator ? operator.name : channel!.name, welcome, '');
  const stored = new Set<string>();
  for (const m of Array.from(chat.messages.values()).sort((x, y) => x.id - y.id)) {
    const a = m.author;
    if (a.kind === 'visitor' && m.clientId) stored.add(m.clientId);
    // Stored while queued, it is the system's; it still reads as the channel's greeting.
    if (m === storedWelcome && a.kind === 'system') {
      bubble('welcome', false, channel!.name, m.body, shortTime(m.createdAt, chat.texts.lang));
      continue;
    }
    if (a.kind === 'system') {
      closeGroup();
      prevKey = '';
      rows.push(h('div', { class: 'lc-sys', text: chat.texts.message(m) }));
      continue;
    }
    bubble(`${a.kind}:${a.id}`, a.kind === 'visitor', a.kind === 'visitor' ? null : chat.names.display(a), m.body, shortTime(m.createdAt, chat.texts.lang));
  }
  for (const p of chat.outbox.items) {
    if (stored.has(p.clientId)) continue;
    bubble('me', true, null, p.body, '', p.failed ? ' fail' : ' pend', chat.texts.t(p.failed ? 'widget.outbox.failed' : p.retrying ? 'widget.outbox.retrying' : 'widget.outbox.sending'));
  }
  closeGroup();
  return rows;
}

function shortTime(iso: string, lang: string): string {
  const d = new Date(iso);
  return isNaN(+d) ? '' : d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
}
