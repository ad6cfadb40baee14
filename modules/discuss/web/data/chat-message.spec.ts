import type { Message } from '@lc/protocol';
import { lastStoredId, mergeMessages, type ChatMessage } from './chat-message';

const message = (id: number, body = `m${id}`, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 1,
  author: { kind: 'user', id: 3, name: 'Sofía' },
  body,
  clientId: null,
  createdAt: new Date(2026, 0, 1, 10, id).toISOString(),
  ...extra,
});

describe('mergeMessages', () => {
  it('keeps each message once, in id order, whatever order they arrive in', () => {
    const merged = mergeMessages([message(1), message(4)], [message(3), message(1), message(2), message(4)]);
    expect(merged.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('replaces our pending copy by the stored message of the same clientId and author', () => {
    const mine = { kind: 'user' as const, id: 2, name: 'Marc' };
    const pending: ChatMessage = { ...message(0, 'hello', { author: mine, clientId: 'web-a' }), pending: true };
    const other: ChatMessage = { ...message(0, 'later', { author: mine, clientId: 'web-b' }), pending: true };
    const merged = mergeMessages([message(1), pending, other], [message(2, 'hello', { author: mine, clientId: 'web-a' })]);
    expect(merged.map((m) => [m.id, m.body, !!m.pending])).toEqual([
      [1, 'm1', false],
      [2, 'hello', false],
      [0, 'later', true], // still on its way: stays last
    ]);
  });

  it('does not take a visitor message with the same clientId for ours', () => {
    const pending: ChatMessage = { ...message(0, 'mine', { author: { kind: 'user', id: 2, name: 'Marc' }, clientId: '1' }), pending: true };
    const merged = mergeMessages([pending], [message(5, 'hers', { author: { kind: 'visitor', id: 9, name: 'Camille' }, clientId: '1' })]);
    expect(merged).toHaveLength(2);
  });

  it('finds the newest stored id, skipping pending and refused messages', () => {
    const pending: ChatMessage = { ...message(0), pending: true };
    expect(lastStoredId([message(1), message(7), pending])).toBe(7);
    expect(lastStoredId([pending])).toBe(0);
  });
});
