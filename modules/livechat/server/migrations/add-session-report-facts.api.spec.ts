import { createMigrationTestDatabase, TEST_DATABASE_URL, type MigrationTestDatabase } from '@lc/testing';
import { LivechatSession } from '../entities';

const T0 = Date.parse('2026-03-23T09:00:00.000Z');
const S = 1000;
/** discuss_message.createdAt as the drivers write it: SQLite UTC text, PostgreSQL a Date (node-pg sends local time). */
const stamp = (ms: number) => (TEST_DATABASE_URL.startsWith('postgres') ? new Date(ms) : new Date(ms).toISOString().replace('T', ' ').replace('Z', ''));

type Author = 'user' | 'visitor' | 'system';
interface OldSession {
  status: 'active' | 'ended';
  offline?: boolean;
  endAfter?: number;
  /** [author, seconds after T0], oldest first. */
  messages: Array<[Author, number]>;
}

/** Sessions of a database from before the facts existed, with their conversations' messages. */
const OLD: Record<string, OldSession> = {
  // The operator's welcome, the visitor, the operator's answer at +35 s, the visitor, the end notice.
  answered: { status: 'ended', endAfter: 60, messages: [['user', 0], ['visitor', 5], ['user', 35], ['visitor', 40], ['system', 60]] },
  // Queued (the system's welcome), the visitor left; an operator wrote into the ended chat later: still missed.
  missed: { status: 'ended', endAfter: 100, messages: [['system', 0], ['visitor', 3], ['system', 100], ['user', 500]] },
  running: { status: 'active', messages: [['user', 0], ['visitor', 7]] },
  offline: { status: 'ended', offline: true, endAfter: 0, messages: [['visitor', 0]] },
  // From before the welcome was stored: the visitor's message comes first.
  noWelcome: { status: 'ended', endAfter: 90, messages: [['visitor', 0], ['user', 12]] },
};

describe('AddSessionReportFacts1764000000480: the facts the reports read, backfilled from the messages', () => {
  let m: MigrationTestDatabase;
  const sessionIds = new Map<string, number>();
  const messageIds = new Map<string, number[]>();

  beforeAll(async () => {
    m = await createMigrationTestDatabase();
    await m.migrateUntil('AddSessionReportFacts1764000000480');
    await m.insert('livechat_channel', { name: 'Old', buttonText: 'Chat', welcomeMessage: 'Hi', colors: '{}' });
    const [{ id: channelId }] = await m.db.query(`SELECT "id" FROM "livechat_channel"`);
    for (const [name, old] of Object.entries(OLD)) {
      await m.insert('discuss_conversation', { kind: 'livechat', name });
      const [{ id: conversationId }] = await m.db.query(`SELECT MAX("id") AS "id" FROM "discuss_conversation"`);
      await m.insert('livechat_session', {
        channelId, conversationId, status: old.status, operatorId: null, visitorTokenHash: name.padEnd(64, '0'), offline: old.offline ?? false,
        startedAt: T0, endedAt: old.endAfter === undefined ? null : T0 + old.endAfter * S, lastActivityAt: T0,
      });
      const [{ id: sessionId }] = await m.db.query(`SELECT MAX("id") AS "id" FROM "livechat_session"`);
      sessionIds.set(name, Number(sessionId));
      for (const [authorKind, after] of old.messages) {
        await m.insert('discuss_message', { conversationId, authorKind, authorId: null, authorName: authorKind, body: `${authorKind} at +${after}s`, createdAt: stamp(T0 + after * S) });
      }
      messageIds.set(name, (await m.db.query(`SELECT "id" FROM "discuss_message" WHERE "conversationId" = ${Number(conversationId)} ORDER BY "id"`)).map((r: { id: number }) => Number(r.id)));
    }
    await m.migrateAll();
  });
  afterAll(() => m?.close());

  const facts = async (name: string) => {
    const s = await m.db.getRepository(LivechatSession).findOneByOrFail({ id: sessionIds.get(name) });
    return { welcomeMessageId: s.welcomeMessageId, firstVisitorMessageAt: s.firstVisitorMessageAt, firstAnswerAt: s.firstAnswerAt, messageCount: s.messageCount };
  };

  it('finds the welcome, the first visitor message, the first answer and the count of an answered chat', async () => {
    expect(await facts('answered')).toEqual({ welcomeMessageId: messageIds.get('answered')![0], firstVisitorMessageAt: T0 + 5 * S, firstAnswerAt: T0 + 35 * S, messageCount: 3 }); // visitor, operator, visitor
  });

  it('leaves a missed chat missed, whatever was written after it ended', async () => {
    // The count takes every message people wrote, the late one included (the running product counts at the end).
    expect(await facts('missed')).toEqual({ welcomeMessageId: messageIds.get('missed')![0], firstVisitorMessageAt: T0 + 3 * S, firstAnswerAt: null, messageCount: 2 });
  });

  it('counts nothing yet for a running chat, and one message for an offline message', async () => {
    expect(await facts('running')).toEqual({ welcomeMessageId: messageIds.get('running')![0], firstVisitorMessageAt: T0 + 7 * S, firstAnswerAt: null, messageCount: null });
    expect(await facts('offline')).toEqual({ welcomeMessageId: null, firstVisitorMessageAt: T0, firstAnswerAt: null, messageCount: 1 });
  });

  it('takes no visitor message for a welcome', async () => {
    expect(await facts('noWelcome')).toEqual({ welcomeMessageId: null, firstVisitorMessageAt: T0, firstAnswerAt: T0 + 12 * S, messageCount: 2 });
  });
});
