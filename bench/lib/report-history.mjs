// A history of live chats for the reports: channels and operators made through the product's API, then
// sessions with their conversations and messages written straight into its database (a year of chats
// through the API would take hours). Rows have the shape the product writes: the welcome, the visitor's
// and the operators' messages, the end notice, and the session's facts (first visitor message, first
// answer, welcome, message count) agreeing with them. Deterministic for a given seed.
import Database from 'better-sqlite3';
import pg from 'pg';
import { api, pool } from './http.mjs';

const CHANNELS = [['Website', 0.6], ['Shop', 0.3], ['After-sales', 0.1]];
const OPERATORS = ['Amélie Laurent', 'Jonas Becker', 'Sofía Martín', 'Noah Williams', 'Chloé Dubois', 'Lukas Schneider', 'Emma Janssens', 'Mateo García', 'Olivia Brown', 'Yuki Tanaka', 'Lena Fischer', 'Hugo Moreau', 'Mia Peeters', 'Leo Rossi', 'Zoë de Vries', 'Finn Müller', 'Inès Lefèvre', 'Liam Smith', 'Nora Haddad', 'Oscar Nilsson'];
const LANGUAGES = [['en-US', 0.5], ['fr-FR', 0.2], ['de-DE', 0.15], ['es-ES', 0.1], [null, 0.05]];
const S = 1000;

function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (weighted) => {
    let x = next();
    for (const [value, weight] of weighted) if ((x -= weight) < 0) return value;
    return weighted.at(-1)[0];
  };
  /** Log-normal around a median, so that times have a long tail as real ones do. */
  const around = (median, spread) => median * Math.exp(spread * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()));
  return { next, pick, around };
}

/**
 * The sessions and messages of `days` days before `endMs`: `sessions` sessions and exactly `messages`
 * messages. About 3 % offline messages, 9 % missed (half queued until the visitor left, half assigned to an
 * operator who never wrote), the last `runningMinutes` still running; a third of the answered ones rated.
 */
export function generateHistory({ sessions: count, messages: totalMessages, days, endMs, channelIds, operatorIds, seed = 1, runningMinutes = 30 }) {
  const r = random(seed);
  const spanMs = days * 86_400_000;
  const starts = Array.from({ length: count }, () => {
    // More chats in office hours: a day, then an hour of it weighted towards 9:00–18:00.
    const day = Math.floor(r.next() * days);
    const hour = r.next() < 0.8 ? 8 + r.next() * 10 : r.next() * 24;
    return Math.min(endMs - 60 * S, endMs - spanMs + day * 86_400_000 + Math.floor(hour * 3_600_000));
  }).sort((a, b) => a - b);
  const sessions = starts.map((startedAt) => {
    const x = r.next();
    const kind = x < 0.03 ? 'offline' : x < 0.075 ? 'queued' : x < 0.12 ? 'ignored' : 'answered';
    const running = kind !== 'offline' && startedAt > endMs - runningMinutes * 60 * S;
    const channelId = r.pick(CHANNELS.map(([, weight], i) => [channelIds[i], weight]));
    const operatorId = kind === 'offline' || kind === 'queued' ? null : operatorIds[Math.floor(r.next() * operatorIds.length)];
    return { startedAt, kind, running, channelId, operatorId, language: r.pick(LANGUAGES), weight: kind === 'answered' ? 3 + r.next() * 12 : 0 };
  });
  // Messages people write: 1 for an offline message, 2 from the visitor of a missed chat, the rest shared by
  // the answered ones (each then has a welcome and, once ended, an end notice besides).
  const fixed = sessions.reduce((n, s) => n + (s.kind === 'offline' ? 1 : 1 + (s.running ? 0 : 1) + (s.kind === 'answered' ? 0 : 2)), 0);
  const shared = totalMessages - fixed;
  const weights = sessions.reduce((n, s) => n + s.weight, 0);
  if (shared < 2 * sessions.filter((s) => s.kind === 'answered').length) throw new Error(`${totalMessages} messages are too few for ${count} sessions`);
  let cumulative = 0;
  let given = 0;
  for (const s of sessions) {
    if (s.kind !== 'answered') continue;
    cumulative += s.weight;
    const upTo = Math.round((cumulative / weights) * shared);
    s.written = Math.max(2, upTo - given);
    given += s.written;
  }
  const last = sessions.findLast((s) => s.kind === 'answered');
  last.written += shared - given; // rounding leftovers, so that the total is exact
  return sessions.map((s) => timeline(s, r));
}

/** A session's messages and facts: [authorKind, authorId, at] in order, and the session's columns. */
function timeline(s, r) {
  const { startedAt, kind, running } = s;
  const messages = [];
  const offline = kind === 'offline';
  if (!offline) messages.push([kind === 'queued' ? 'system' : 'user', kind === 'queued' ? null : s.operatorId, startedAt]); // the welcome
  let at = startedAt + (offline ? 0 : Math.round(r.next() * 3 * S));
  const firstVisitorMessageAt = at;
  let firstAnswerAt = null;
  const written = offline ? 1 : kind === 'answered' ? s.written : 2;
  for (let i = 0; i < written; i++) {
    const operator = kind === 'answered' && i % 2 === 1;
    if (i > 0) at += Math.round(operator && firstAnswerAt === null ? r.around(40 * S, 1) : r.around(25 * S, 0.8));
    if (operator) firstAnswerAt ??= at;
    messages.push([operator ? 'user' : 'visitor', operator ? s.operatorId : null, at]);
  }
  const endedAt = running ? null : offline ? startedAt : Math.max(at + S, startedAt + Math.round(r.around(8 * 60 * S, 0.7)));
  if (endedAt !== null && !offline) messages.push(['system', null, endedAt]);
  const rated = kind === 'answered' && !running && r.next() < 0.33;
  return {
    ...s,
    messages,
    endedAt,
    firstVisitorMessageAt,
    firstAnswerAt,
    messageCount: running ? null : written,
    ratingValue: rated ? r.pick([[5, 0.7], [3, 0.2], [1, 0.1]]) : null,
  };
}

/** Channels and operators with human names, through the API; their ids in the order of CHANNELS and OPERATORS. */
export async function createPeople(base, admin, operatorCount) {
  const channelIds = [];
  for (const [name] of CHANNELS) channelIds.push((await api(base, 'POST', '/api/livechat/channels', { token: admin, body: { name } })).id);
  const names = OPERATORS.slice(0, operatorCount);
  const operatorIds = await pool(names, 10, async (name, i) =>
    (await api(base, 'POST', '/api/users', { token: admin, body: { login: `report_op_${i}_${Date.now()}`, name, password: 'report-history', groups: ['livechat_operator'] } })).id,
  );
  return { channelIds, operatorIds };
}

const sqliteTime = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Every row of each table, with explicit ids after the ones already there. */
function rowsOf(history, ids) {
  const conversations = [];
  const messages = [];
  const sessions = [];
  for (const s of history) {
    const conversationId = ++ids.conversation;
    const sessionId = ++ids.session;
    const messageIds = s.messages.map(() => ++ids.message);
    const welcomeMessageId = s.kind === 'offline' ? null : messageIds[0];
    conversations.push([conversationId, 'livechat', `Visitor #${sessionId}`, messageIds.at(-1)]);
    s.messages.forEach(([authorKind, authorId, at], i) => messages.push([messageIds[i], conversationId, authorKind, authorKind === 'visitor' ? sessionId : authorId, authorKind, 'Lorem ipsum dolor sit amet', at]));
    const ended = s.endedAt !== null;
    sessions.push({
      id: sessionId, channelId: s.channelId, conversationId, status: ended ? 'ended' : s.operatorId ? 'active' : 'queued', operatorId: s.operatorId,
      visitorTokenHash: String(sessionId).padStart(64, '0'), visitorLanguage: s.language, email: s.kind === 'offline' ? 'visitor@example.com' : null,
      offline: s.kind === 'offline', assignmentReason: 'report history', startedAt: s.startedAt, assignedAt: s.operatorId ? s.startedAt : null, endedAt: s.endedAt,
      lastActivityAt: s.endedAt ?? s.messages.at(-1)[2], ratingValue: s.ratingValue, ratedAt: s.ratingValue ? s.endedAt : null,
      firstVisitorMessageAt: s.firstVisitorMessageAt, firstAnswerAt: s.firstAnswerAt, welcomeMessageId, messageCount: s.messageCount,
    });
  }
  return { conversations, messages, sessions };
}

const SESSION_COLUMNS = ['id', 'channelId', 'conversationId', 'status', 'operatorId', 'visitorTokenHash', 'visitorLanguage', 'email', 'offline', 'assignmentReason', 'startedAt', 'assignedAt', 'endedAt', 'lastActivityAt', 'ratingValue', 'ratedAt', 'firstVisitorMessageAt', 'firstAnswerAt', 'welcomeMessageId', 'messageCount'];
const quoted = (columns) => columns.map((c) => `"${c}"`).join(', ');

/** Into a SQLite file the server has open (WAL lets both in; one transaction, a few seconds for a year). */
export function writeSqlite(path, history) {
  const db = new Database(path, { fileMustExist: true });
  db.pragma('busy_timeout = 30000');
  try {
    const max = (table) => db.prepare(`SELECT COALESCE(MAX("id"), 0) AS n FROM "${table}"`).get().n;
    const { conversations, messages, sessions } = rowsOf(history, { conversation: max('discuss_conversation'), message: max('discuss_message'), session: max('livechat_session') });
    const conversation = db.prepare(`INSERT INTO "discuss_conversation" ("id", "kind", "name", "lastMessageId") VALUES (?, ?, ?, ?)`);
    const message = db.prepare(`INSERT INTO "discuss_message" ("id", "conversationId", "authorKind", "authorId", "authorName", "body", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const session = db.prepare(`INSERT INTO "livechat_session" (${quoted(SESSION_COLUMNS)}) VALUES (${SESSION_COLUMNS.map(() => '?').join(', ')})`);
    // Integers as BigInt: bound as INTEGER, as the product's rows are (a JS number would be bound as REAL).
    const int = (v) => (typeof v === 'number' ? BigInt(v) : typeof v === 'boolean' ? BigInt(v ? 1 : 0) : v);
    db.transaction(() => {
      for (const row of conversations) conversation.run(row.map(int));
      for (const row of messages) message.run([...row.slice(0, 6).map(int), sqliteTime(row[6])]);
      for (const row of sessions) session.run(SESSION_COLUMNS.map((c) => int(row[c])));
    })();
  } finally {
    db.close();
  }
}

/** Into PostgreSQL (`schema`: the product's DATABASE_SCHEMA, if any): 10,000 rows per statement through unnest. */
export async function writePostgres(url, schema, history) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    if (schema) await db.query(`SET search_path TO "${schema}"`);
    const max = async (table) => Number((await db.query(`SELECT COALESCE(MAX("id"), 0) AS n FROM "${table}"`)).rows[0].n);
    const { conversations, messages, sessions } = rowsOf(history, { conversation: await max('discuss_conversation'), message: await max('discuss_message'), session: await max('livechat_session') });
    const insert = async (table, columns, types, rows) => {
      for (let i = 0; i < rows.length; i += 10_000) {
        const batch = rows.slice(i, i + 10_000);
        await db.query(`INSERT INTO "${table}" (${quoted(columns)}) SELECT * FROM unnest(${types.map((t, c) => `$${c + 1}::${t}[]`).join(', ')})`, columns.map((_, c) => batch.map((row) => row[c])));
      }
      await db.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
    };
    await db.query('BEGIN');
    await insert('discuss_conversation', ['id', 'kind', 'name', 'lastMessageId'], ['int', 'varchar', 'varchar', 'int'], conversations);
    await insert('discuss_message', ['id', 'conversationId', 'authorKind', 'authorId', 'authorName', 'body', 'createdAt'], ['int', 'int', 'varchar', 'int', 'varchar', 'text', 'timestamp'], messages.map((m) => [...m.slice(0, 6), sqliteTime(m[6])]));
    const types = { id: 'int', channelId: 'int', conversationId: 'int', operatorId: 'int', welcomeMessageId: 'int', messageCount: 'int', ratingValue: 'int', offline: 'boolean', status: 'varchar', visitorTokenHash: 'varchar', visitorLanguage: 'varchar', email: 'varchar', assignmentReason: 'text' };
    await insert('livechat_session', SESSION_COLUMNS, SESSION_COLUMNS.map((c) => types[c] ?? 'bigint'), sessions.map((s) => SESSION_COLUMNS.map((c) => s[c])));
    await db.query('COMMIT');
    // What autovacuum does within a minute of such a bulk insert: the planner's statistics of the new rows, and
    // the visibility map that lets PostgreSQL answer from an index alone.
    for (const table of ['discuss_conversation', 'discuss_message', 'livechat_session']) await db.query(`VACUUM ANALYZE "${table}"`);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}
