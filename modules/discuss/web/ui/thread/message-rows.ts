import type { MessageAuthor } from '@lc/protocol';
import { messageKey, type ChatMessage } from '../../data/chat-message';
import { dayLabel } from '../format';

/** Messages of one author within a few minutes share one header (avatar, name, time), as in Odoo. */
export interface MessageGroup {
  kind: 'group';
  key: string;
  author: MessageAuthor;
  mine: boolean;
  createdAt: string;
  messages: ChatMessage[];
}

export type MessageRow = { kind: 'day'; key: string; label: string } | { kind: 'system'; key: string; message: ChatMessage } | MessageGroup;

const GROUP_WINDOW_MS = 5 * 60_000;
const sameAuthor = (a: MessageAuthor, b: MessageAuthor) => a.kind === b.kind && a.id === b.id && a.name === b.name;

export function messageRows(messages: readonly ChatMessage[], myId: number | undefined, now: number): MessageRow[] {
  const rows: MessageRow[] = [];
  let day = '';
  let group: MessageGroup | null = null;
  for (const message of messages) {
    const label = dayLabel(message.createdAt, now);
    if (label !== day) {
      day = label;
      group = null;
      rows.push({ kind: 'day', key: `day:${label}`, label });
    }
    if (message.author.kind === 'system') {
      group = null;
      rows.push({ kind: 'system', key: messageKey(message), message });
      continue;
    }
    const previous = group?.messages.at(-1);
    if (group && previous && sameAuthor(group.author, message.author) && Date.parse(message.createdAt) - Date.parse(previous.createdAt) < GROUP_WINDOW_MS) {
      group.messages.push(message);
      continue;
    }
    group = {
      kind: 'group',
      key: `g:${messageKey(message)}`,
      author: message.author,
      mine: message.author.kind === 'user' && message.author.id === myId,
      createdAt: message.createdAt,
      messages: [message],
    };
    rows.push(group);
  }
  return rows;
}
