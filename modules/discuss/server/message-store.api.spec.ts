import { DataSource } from 'typeorm';
import { sql } from '@lc/platform/server';
import { createTestApp, type TestApp } from '@lc/testing';
import { Conversation, Member, MessageRecord } from './entities';
import { MessageStore, type NewMessage } from './message-store';

/**
 * The messages of one turn, stored together (one statement on PostgreSQL, one transaction on SQLite):
 * each answered for itself, in order, a repeated clientId skipped, and one bad message failing alone.
 */
describe('discuss: messages stored together', () => {
  let t: TestApp;
  let store: MessageStore;
  let db: DataSource;
  let userId: number;
  const message = (conversationId: number, extra: Partial<NewMessage> = {}): NewMessage => ({
    conversationId,
    authorKind: 'user',
    authorId: userId,
    authorName: 'Ann',
    body: 'hello',
    clientId: null,
    createdAt: new Date(),
    i18n: null,
    ...extra,
  });
  const conversation = async (members: number[]) => {
    const { id } = await db.getRepository(Conversation).save({ kind: 'channel', name: `c${Math.random()}`, lastMessageId: null });
    for (const member of members) await db.getRepository(Member).insert({ conversationId: id, userId: member });
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    store = t.app.get(MessageStore);
    db = t.app.get(DataSource);
    userId = (await t.createUser('ann', [])).id;
  });
  afterAll(() => t.close());

  it('answers each message of a turn: ids in order, members, a repeated clientId skipped, read positions moved', async () => {
    const other = (await t.createUser('bob', [])).id;
    const a = await conversation([userId, other]);
    const b = await conversation([other]);
    const results = await Promise.all([
      store.store(message(a, { clientId: 'one' }), null),
      store.store(message(b, { authorKind: 'visitor', authorId: 7, authorName: 'Visitor #7' }), null),
      store.store(message(a, { clientId: 'one', body: 'again' }), null), // the same send, repeated
      store.store(message(a, { body: 'with "quotes", {braces} and \\ backslash', i18n: JSON.stringify({ key: 'x', params: {} }) }), null),
      store.store(message(b, { authorKind: 'system', authorId: null, authorName: 'System', body: 'ended' }), null),
    ]);
    expect(results[2]).toEqual({ id: null, memberIds: [], authorId: userId, authorName: 'Ann' }); // stored before: nothing written
    const [first, second, , fourth, fifth] = results.map((r) => ({ ...r!, id: r!.id! }));
    expect([first.id < second.id, second.id < fourth.id, fourth.id < fifth.id]).toEqual([true, true, true]);
    expect(first.memberIds.sort()).toEqual([userId, other].sort());
    expect(second.memberIds).toEqual([other]);
    const stored = await db.getRepository(MessageRecord).findBy({ conversationId: a });
    expect(stored.map((m) => [m.id, m.body, m.clientId])).toEqual([
      [first.id, 'hello', 'one'],
      [fourth.id, 'with "quotes", {braces} and \\ backslash', null],
    ]);
    expect(stored[1].i18n).toEqual({ key: 'x', params: {} });
    expect((await db.getRepository(Conversation).findOneByOrFail({ id: a })).lastMessageId).toBe(fourth.id);
    expect((await db.getRepository(Conversation).findOneByOrFail({ id: b })).lastMessageId).toBe(fifth.id);
    expect((await db.getRepository(Member).findOneByOrFail({ conversationId: a, userId })).lastSeenMessageId).toBe(fourth.id);
    expect((await db.getRepository(Member).findOneByOrFail({ conversationId: a, userId: other })).lastSeenMessageId).toBe(0);
  });

  it('one message that cannot be stored fails alone: the others of its turn are stored', async () => {
    const a = await conversation([userId]);
    const missing = a + 100_000;
    const [good, bad, alsoGood] = await Promise.allSettled([store.store(message(a), null), store.store(message(missing), null), store.store(message(a, { body: 'two' }), null)]);
    expect(good.status === 'rejected' ? String(good.reason) : good.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(alsoGood.status).toBe('fulfilled');
    expect(await db.getRepository(MessageRecord).countBy({ conversationId: a })).toBe(2);
    expect(await db.getRepository(MessageRecord).countBy({ conversationId: missing })).toBe(0);
  });

  describe('guests: author and permission read by the message\'s own statement', () => {
    // A module's guest authors: here, whoever writes in a conversation named "open…", as "Guest of <name>".
    const guestAuthors = `SELECT "id" AS "conversationId", 42 AS "authorId", 'Guest of ' || "name" AS "authorName" FROM "discuss_conversation" WHERE "name" LIKE 'open%'`;
    const guest = (conversationId: number, extra: Partial<NewMessage> = {}) => message(conversationId, { authorKind: 'visitor', authorId: null, authorName: '', guestAuthors, ...extra });
    const named = async (name: string, members: number[]) => {
      const id = await conversation(members);
      await db.getRepository(Conversation).update(id, { name });
      return id;
    };

    it('stores a guest\'s message under the author the SELECT gives, refuses one without a row, skips a repeat', async () => {
      const open = await named('open one', [userId]);
      const closed = await named('closed one', [userId]);
      const results = await Promise.all([
        store.store(guest(open, { clientId: 'g1' }), null),
        store.store(guest(closed, { clientId: 'g2' }), null),
        store.store(message(open, { body: 'from a user' }), null), // users' messages of the same turn, as given
        store.store(guest(open, { clientId: 'g1', body: 'again' }), null),
      ]);
      expect(results[0]).toEqual({ id: expect.any(Number), memberIds: [userId], authorId: 42, authorName: 'Guest of open one' });
      expect(results[1]).toBeNull();
      expect(results[2]).toMatchObject({ authorId: userId, authorName: 'Ann', memberIds: [userId] });
      expect(results[3]).toEqual({ id: null, memberIds: [], authorId: 42, authorName: 'Guest of open one' });
      // Users' and guests' messages of one turn are two statements on PostgreSQL: their ids may come in either order.
      const stored = await db.getRepository(MessageRecord).find({ where: { conversationId: open }, order: { authorKind: 'DESC' } });
      expect(stored.map((m) => [m.authorKind, m.authorId, m.authorName, m.body])).toEqual([
        ['visitor', 42, 'Guest of open one', 'hello'],
        ['user', userId, 'Ann', 'from a user'],
      ]);
      expect(await db.getRepository(MessageRecord).countBy({ conversationId: closed })).toBe(0);
      expect((await db.getRepository(Conversation).findOneByOrFail({ id: closed })).lastMessageId).toBeNull();
    });

    it('with a fact statement (stored alone on PostgreSQL): the same answers, and the fact runs with a stored message', async () => {
      const open = await named('open two', [userId]);
      const closed = await named('closed two', [userId]);
      const fact = (id: number) => sql`UPDATE "discuss_conversation" SET "name" = 'open, noted' WHERE "id" = ${id} AND "name" = 'open two'`;
      const [stored, refused] = await Promise.all([store.store(guest(open), fact(open)), store.store(guest(closed), fact(closed))]);
      expect(stored).toEqual({ id: expect.any(Number), memberIds: [userId], authorId: 42, authorName: 'Guest of open two' });
      expect(refused).toBeNull();
      expect((await db.getRepository(Conversation).findOneByOrFail({ id: open })).name).toBe('open, noted');
      expect(await db.getRepository(MessageRecord).countBy({ conversationId: closed })).toBe(0);
    });
  });
});
