import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '@lc/testing';
import { ConversationsService, MessageRecord } from '../../../discuss/server/public-api';
import { LivechatSession } from '../entities';

/**
 * GET /api/livechat/reports/sessions on a hand-made data set: twelve sessions written with the facts the
 * product records (first visitor message, first answer, end, messages, rating) at chosen instants around
 * a week boundary and Brussels' switch to summer time (2026-03-29, 01:00 UTC: UTC+1 → UTC+2). Every
 * expected figure below is worked out by hand in the comment beside it.
 */
const S = 1000;
const at = (iso: string) => Date.parse(iso);

interface HandSession {
  name: string;
  start: string;
  channel: 'A' | 'B';
  operator: 'ann' | 'bob' | null;
  language: string | null;
  /** Seconds after the start. */
  visitorAfter: number;
  answerAfter: number | null;
  /** null: still running (its messages are counted live). */
  endAfter: number | null;
  messages: number | null;
  rating: 5 | 3 | 1 | null;
  offline?: boolean;
}

//    start (UTC)           ch op    lang    visitor answer  end     msgs rating     first answer
const DATA: HandSession[] = [
  { name: 'S0', start: '2026-03-22T23:30:00Z', channel: 'A', operator: 'ann', language: 'fr-FR', visitorAfter: 0, answerAfter: 100, endAfter: 300, messages: 3, rating: 5 }, // 100 s
  { name: 'S1', start: '2026-03-23T09:00:00Z', channel: 'A', operator: 'ann', language: 'fr-FR', visitorAfter: 10, answerAfter: 40, endAfter: 600, messages: 6, rating: 5 }, // 30 s
  { name: 'S2', start: '2026-03-23T22:30:00Z', channel: 'A', operator: 'ann', language: 'en-US', visitorAfter: 5, answerAfter: 65, endAfter: 1200, messages: 4, rating: 3 }, // 60 s
  { name: 'S3', start: '2026-03-23T23:30:00Z', channel: 'A', operator: 'bob', language: 'fr-FR', visitorAfter: 0, answerAfter: 20, endAfter: 600, messages: 8, rating: 1 }, // 20 s
  // Assigned to Bob, who never wrote: missed, in Bob's row.
  { name: 'S4', start: '2026-03-28T10:00:00Z', channel: 'B', operator: 'bob', language: 'de-DE', visitorAfter: 0, answerAfter: null, endAfter: 300, messages: 1, rating: null },
  // Queued until the visitor left: missed, no operator. Sunday 23:30 UTC is Monday 01:30 in Brussels (UTC+2 by then).
  { name: 'S5', start: '2026-03-29T23:30:00Z', channel: 'B', operator: null, language: null, visitorAfter: 10, answerAfter: null, endAfter: 890, messages: 2, rating: null },
  // An offline message: a session, missed, without a duration.
  { name: 'S6', start: '2026-03-30T08:00:00Z', channel: 'A', operator: null, language: 'en-US', visitorAfter: 0, answerAfter: null, endAfter: 0, messages: 1, rating: null, offline: true },
  { name: 'S7', start: '2026-03-30T12:00:00Z', channel: 'A', operator: 'ann', language: 'en-US', visitorAfter: 0, answerAfter: 120, endAfter: 1800, messages: 10, rating: 5 }, // 120 s
  // Ann wrote before the visitor: answered, but no waiting time to measure.
  { name: 'S8', start: '2026-03-31T08:00:00Z', channel: 'B', operator: 'ann', language: 'fr-FR', visitorAfter: 30, answerAfter: 5, endAfter: 1200, messages: 5, rating: null },
  // Still running: no duration; its messages counted live from the conversation (3, see below).
  { name: 'S9', start: '2026-03-31T09:00:00Z', channel: 'A', operator: 'bob', language: 'en-US', visitorAfter: 0, answerAfter: 45, endAfter: null, messages: null, rating: null }, // 45 s
  // 22:30 UTC on the 31st: April 1st, 00:30 in Brussels.
  { name: 'S10', start: '2026-03-31T22:30:00Z', channel: 'B', operator: 'bob', language: 'fr-FR', visitorAfter: 0, answerAfter: 90, endAfter: 600, messages: 4, rating: 3 }, // 90 s
  { name: 'S11', start: '2026-04-01T00:00:00Z', channel: 'A', operator: 'ann', language: 'fr-FR', visitorAfter: 0, answerAfter: 10, endAfter: 100, messages: 2, rating: 5 },
];

const NO_RATINGS = { happy: 0, okay: 0, unhappy: 0 };
const EMPTY = { sessions: 0, answered: 0, missed: 0, messages: 0, medianFirstResponseS: null, p90FirstResponseS: null, medianDurationS: null, ratings: NO_RATINGS, satisfaction: null };
const emptyDay = (day: string) => ({ key: day, label: day, ...EMPTY });

describe('livechat reports: GET /api/livechat/reports/sessions', () => {
  let t: TestApp;
  let manager: string;
  let operatorToken: string;
  const ids = { A: 0, B: 0, ann: 0, bob: 0 };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const report = (query: string, token = manager) => t.http.get(`/api/livechat/reports/sessions?${query}`).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { reportsPerMinute: 1000 } });
    manager = (await t.createUser('manager', ['livechat_manager'])).token;
    const ann = await t.createUser('ann', ['livechat_operator'], { name: 'Ann' });
    const bob = await t.createUser('bob', ['livechat_operator'], { name: 'Bob' });
    operatorToken = ann.token;
    Object.assign(ids, { ann: ann.id, bob: bob.id });
    for (const name of ['A', 'B'] as const) ids[name] = (await t.http.post('/api/livechat/channels').set(bearer(manager)).send({ name: `Channel ${name}` }).expect(201)).body.id;

    const db = t.app.get(DataSource);
    const conversations = t.app.get(ConversationsService);
    for (const s of DATA) {
      const startedAt = at(s.start);
      const conversation = await conversations.create('livechat', s.name, []);
      const session = await db.getRepository(LivechatSession).save({
        channelId: ids[s.channel], conversationId: conversation.id, status: s.endAfter === null ? 'active' : 'ended', operatorId: s.operator && ids[s.operator],
        visitorTokenHash: s.name.padEnd(64, '0'), visitorName: s.name, visitorLanguage: s.language, acceptLanguage: null, pageUrl: null, userAgent: null, email: null,
        offline: s.offline ?? false, assignmentReason: null, startedAt, assignedAt: s.operator ? startedAt : null, endedAt: s.endAfter === null ? null : startedAt + s.endAfter * S,
        startKeyHash: null, lastActivityAt: s.endAfter === null ? Date.now() : startedAt, ratingValue: s.rating, ratingComment: null, ratedAt: s.rating ? startedAt + (s.endAfter ?? 0) * S : null,
        firstVisitorMessageAt: startedAt + s.visitorAfter * S, firstAnswerAt: s.answerAfter === null ? null : startedAt + s.answerAfter * S, welcomeMessageId: null, messageCount: s.messages,
      });
      if (s.name === 'S9') {
        // Bob's welcome, two visitor messages, Bob's answer, a system notice: 3 written, the welcome and the notice not counted.
        const messages = db.getRepository(MessageRecord);
        const write = async (authorKind: 'user' | 'visitor' | 'system', body: string) =>
          (await messages.save({ conversationId: conversation.id, authorKind, authorId: authorKind === 'user' ? ids.bob : authorKind === 'visitor' ? session.id : null, authorName: body, body, clientId: null })).id;
        const welcome = await write('user', 'Welcome!');
        for (const [kind, body] of [['visitor', 'Hello'], ['visitor', 'Anyone?'], ['user', 'Hi, Bob here'], ['system', 'Transferred']] as const) await write(kind, body);
        await db.getRepository(LivechatSession).update({ id: session.id }, { welcomeMessageId: welcome });
      }
    }
  });
  afterAll(() => t.close());

  const MARCH_UTC = 'from=2026-03-23&to=2026-04-01';

  it('sums the range: sessions, answered and missed, messages, medians, the 90th percentile, satisfaction', async () => {
    const body = (await report(`${MARCH_UTC}&groupBy=day`).expect(200)).body;
    expect(body).toMatchObject({ from: '2026-03-23', to: '2026-04-01', tz: 'UTC', groupBy: 'day' });
    // S1…S10 (S0 starts on the 22nd, S11 on April 1st).
    expect(body.totals).toEqual({
      sessions: 10,
      answered: 7, // S1 S2 S3 S7 S8 S9 S10
      missed: 3, // S4 (Bob never wrote), S5 (left the queue), S6 (offline message)
      messages: 44, // 6+4+8+1+2+1+10+5 + 3 (S9, live) + 4
      // First answers 20 30 45 60 90 120 (S8: the operator wrote first, not measured): median (45+60)/2;
      // p90 at rank 0.9 × 5 = 4.5 between 90 and 120: 90 + 0.5 × 30.
      medianFirstResponseS: 52.5,
      p90FirstResponseS: 105,
      // Durations of the ended sessions but the offline message: 300 600 600 600 890 1200 1200 1800 → (600+890)/2.
      medianDurationS: 745,
      ratings: { happy: 2, okay: 2, unhappy: 1 }, // S1 S7 / S2 S10 / S3
      satisfaction: 0.4, // 2 happy of 5 rated
    });
  });

  it('groups by day: every day of the range, empty ones included, oldest first', async () => {
    const rows = (await report(`${MARCH_UTC}&groupBy=day`).expect(200)).body.rows;
    expect(rows.map((r: { key: string }) => r.key)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(rows[0]).toEqual({
      key: '2026-03-23', label: '2026-03-23', sessions: 3, answered: 3, missed: 0, messages: 18, // S1 S2 S3
      medianFirstResponseS: 30, // 20 30 60
      p90FirstResponseS: 54, // rank 1.8: 30 + 0.8 × (60 − 30)
      medianDurationS: 600, // 600 600 1200
      ratings: { happy: 1, okay: 1, unhappy: 1 },
      satisfaction: 1 / 3,
    });
    expect(rows.slice(1, 5)).toEqual(['2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'].map(emptyDay));
    expect(rows[5]).toEqual({ key: '2026-03-28', label: '2026-03-28', ...EMPTY, sessions: 1, missed: 1, messages: 1, medianDurationS: 300 }); // S4
    expect(rows[6]).toEqual({ key: '2026-03-29', label: '2026-03-29', ...EMPTY, sessions: 1, missed: 1, messages: 2, medianDurationS: 890 }); // S5
    expect(rows[7]).toEqual({ key: '2026-03-30', label: '2026-03-30', sessions: 2, answered: 1, missed: 1, messages: 11, medianFirstResponseS: 120, p90FirstResponseS: 120, medianDurationS: 1800, ratings: { happy: 1, okay: 0, unhappy: 0 }, satisfaction: 1 }); // S6 S7
    expect(rows[8]).toEqual({
      key: '2026-03-31', label: '2026-03-31', sessions: 3, answered: 3, missed: 0, messages: 12, // S8 S9 S10: 5 + 3 + 4
      medianFirstResponseS: 67.5, // 45 90
      p90FirstResponseS: 85.5, // rank 0.9: 45 + 0.9 × 45
      medianDurationS: 900, // 1200 600 (S9 still running)
      ratings: { happy: 0, okay: 1, unhappy: 0 },
      satisfaction: 0,
    });
  });

  it('groups the days of a time zone, across the switch to summer time', async () => {
    // Brussels, [2026-03-22T23:00Z, 2026-03-31T22:00Z): S0 joins (00:30 on the 23rd), S10 leaves (April 1st).
    const body = (await report(`${MARCH_UTC}&groupBy=day&tz=Europe/Brussels`).expect(200)).body;
    expect(body.tz).toBe('Europe/Brussels');
    expect(body.totals).toMatchObject({ sessions: 10, answered: 7, missed: 3 }); // S0…S9
    const byDay = Object.fromEntries(body.rows.map((r: { key: string; sessions: number }) => [r.key, r.sessions]));
    expect(byDay).toEqual({
      '2026-03-23': 3, // S0 (00:30), S1 (10:00), S2 (23:30)
      '2026-03-24': 1, // S3 (00:30)
      '2026-03-25': 0, '2026-03-26': 0, '2026-03-27': 0,
      '2026-03-28': 1, // S4
      '2026-03-29': 0, // a 23-hour day: S5 began at 01:30 on the 30th, summer time
      '2026-03-30': 3, // S5 S6 S7
      '2026-03-31': 2, // S8 S9
    });
    // The 23rd in Brussels: first answers 30 60 100 → median 60, p90 60 + 0.8 × 40.
    expect(body.rows[0]).toMatchObject({ key: '2026-03-23', medianFirstResponseS: 60, p90FirstResponseS: 92, messages: 13 });
  });

  it('groups by ISO week (Monday first), in UTC and in Brussels', async () => {
    const utc = (await report(`${MARCH_UTC}&groupBy=week`).expect(200)).body.rows;
    // S5 (Sunday 23:30 UTC) closes the first week in UTC…
    expect(utc.map((r: object) => pick(r, 'key', 'label', 'sessions', 'answered', 'missed'))).toEqual([
      { key: '2026-03-23', label: '2026-W13', sessions: 5, answered: 3, missed: 2 }, // S1 S2 S3 | S4 S5
      { key: '2026-03-30', label: '2026-W14', sessions: 5, answered: 4, missed: 1 }, // S7 S8 S9 S10 | S6
    ]);
    // …and opens the second one in Brussels (Monday 01:30), where S0 joins the first and S10 is gone.
    const brussels = (await report(`${MARCH_UTC}&groupBy=week&tz=Europe/Brussels`).expect(200)).body.rows;
    expect(brussels.map((r: object) => pick(r, 'key', 'sessions', 'answered', 'missed'))).toEqual([
      { key: '2026-03-23', sessions: 5, answered: 4, missed: 1 }, // S0 S1 S2 S3 | S4
      { key: '2026-03-30', sessions: 5, answered: 3, missed: 2 }, // S7 S8 S9 | S5 S6
    ]);
    // A range starting mid-week still lists that whole week's key, its Monday.
    const midWeek = (await report('from=2026-03-25&to=2026-04-02&groupBy=week').expect(200)).body.rows;
    expect(midWeek.map((r: { key: string; sessions: number }) => [r.key, r.sessions])).toEqual([['2026-03-23', 2], ['2026-03-30', 6]]); // S4 S5 | S6…S11
  });

  it('groups by month at the month boundary', async () => {
    const rows = (await report('from=2026-03-31&to=2026-04-02&groupBy=month').expect(200)).body.rows;
    expect(rows.map((r: object) => pick(r, 'key', 'label', 'sessions', 'medianDurationS'))).toEqual([
      { key: '2026-03', label: '2026-03', sessions: 3, medianDurationS: 900 }, // S8 S9 S10
      { key: '2026-04', label: '2026-04', sessions: 1, medianDurationS: 100 }, // S11
    ]);
    // In Brussels S10 (00:30 on April 1st) moves to April.
    const brussels = (await report('from=2026-03-31&to=2026-04-02&groupBy=month&tz=Europe/Brussels').expect(200)).body.rows;
    expect(brussels.map((r: { key: string; sessions: number }) => [r.key, r.sessions])).toEqual([['2026-03', 2], ['2026-04', 2]]);
  });

  it('groups by operator: one row each, the sessions nobody took together, most sessions first', async () => {
    const rows = (await report(`${MARCH_UTC}&groupBy=operator`).expect(200)).body.rows;
    expect(rows).toEqual([
      {
        key: ids.ann, label: 'Ann', sessions: 4, answered: 4, missed: 0, messages: 25, // S1 S2 S7 S8: 6+4+10+5
        medianFirstResponseS: 60, // 30 60 120 (S8 not measured)
        p90FirstResponseS: 108, // 60 + 0.8 × 60
        medianDurationS: 1200, // 600 1200 1200 1800
        ratings: { happy: 2, okay: 1, unhappy: 0 },
        satisfaction: 2 / 3,
      },
      {
        key: ids.bob, label: 'Bob', sessions: 4, answered: 3, missed: 1, messages: 16, // S3 S4 S9 S10: 8+1+3+4
        medianFirstResponseS: 45, // 20 45 90
        p90FirstResponseS: 81, // 45 + 0.8 × 45
        medianDurationS: 600, // 600 300 600
        ratings: { happy: 0, okay: 1, unhappy: 1 },
        satisfaction: 0,
      },
      { key: null, label: 'No operator', ...EMPTY, sessions: 2, missed: 2, messages: 3, medianDurationS: 890 }, // S5 S6
    ]);
  });

  it('groups by channel and by visitor language', async () => {
    const channels = (await report(`${MARCH_UTC}&groupBy=channel`).expect(200)).body.rows;
    expect(channels.map((r: object) => pick(r, 'key', 'label', 'sessions', 'missed'))).toEqual([
      { key: ids.A, label: 'Channel A', sessions: 6, missed: 1 }, // S1 S2 S3 S6 S7 S9
      { key: ids.B, label: 'Channel B', sessions: 4, missed: 2 }, // S4 S5 S8 S10
    ]);
    const languages = (await report(`${MARCH_UTC}&groupBy=language`).expect(200)).body.rows;
    expect(languages.map((r: object) => pick(r, 'key', 'label', 'sessions'))).toEqual([
      { key: 'en-US', label: 'en-US', sessions: 4 }, // S2 S6 S7 S9
      { key: 'fr-FR', label: 'fr-FR', sessions: 4 }, // S1 S3 S8 S10
      { key: 'de-DE', label: 'de-DE', sessions: 1 },
      { key: null, label: 'Unknown', sessions: 1 }, // S5
    ]);
  });

  it('filters by channel, operator and language', async () => {
    expect((await report(`${MARCH_UTC}&channelId=${ids.B}`).expect(200)).body.totals).toMatchObject({ sessions: 4, answered: 2, messages: 12, medianFirstResponseS: 90 }); // S4 S5 S8 S10
    expect((await report(`${MARCH_UTC}&operatorId=${ids.bob}&groupBy=operator`).expect(200)).body.rows.map((r: { key: number }) => r.key)).toEqual([ids.bob]);
    expect((await report(`${MARCH_UTC}&language=fr-FR&channelId=${ids.A}`).expect(200)).body.totals).toMatchObject({ sessions: 2, answered: 2, satisfaction: 0.5 }); // S1 S3
    expect((await report(`${MARCH_UTC}&operatorId=999999`).expect(200)).body.totals).toEqual(EMPTY);
  });

  it('answers the same rows as CSV with Accept: text/csv', async () => {
    const json = (await report(`${MARCH_UTC}&groupBy=operator`).expect(200)).body;
    const res = await report(`${MARCH_UTC}&groupBy=operator`).set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=livechat-sessions-2026-03-23-2026-04-01-by-operator.csv');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('key,label,sessions,answered,missed,messages,medianFirstResponseS,p90FirstResponseS,medianDurationS,happy,okay,unhappy,satisfaction');
    expect(lines.slice(1, -1)).toEqual([
      `${ids.ann},Ann,4,4,0,25,60,108,1200,2,1,0,${2 / 3}`,
      `${ids.bob},Bob,4,3,1,16,45,81,600,0,1,1,0`,
      ',No operator,2,0,2,3,,,890,0,0,0,',
    ]);
    expect(lines.length - 2).toBe(json.rows.length);
  });

  it('keeps a CSV cell from running as a spreadsheet formula, and quotes commas and quotes', async () => {
    await t.http.patch(`/api/livechat/channels/${ids.A}`).set(bearer(manager)).send({ name: '=HYPERLINK("http://evil.example","A, really")' }).expect(200);
    try {
      const csv = (await report(`${MARCH_UTC}&groupBy=channel`).set('Accept', 'text/csv').expect(200)).text;
      expect(csv).toContain(`${ids.A},"'=HYPERLINK(""http://evil.example"",""A, really"")",6,`);
    } finally {
      await t.http.patch(`/api/livechat/channels/${ids.A}`).set(bearer(manager)).send({ name: 'Channel A' }).expect(200);
    }
  });

  it('refuses bad parameters with 400 naming them', async () => {
    const cases: Array<[string, RegExp]> = [
      ['from=2026-02-30&to=2026-03-01', /from must be a date that exists/],
      ['from=2026-3-1&to=2026-04-01', /from must be a date like 2026-12-01/],
      ['from=2026-03-01T00:00:00Z&to=2026-04-01', /from must be a date like/],
      ['from=2026-04-01&to=2026-04-01', /to \(2026-04-01\) must be after from/],
      ['from=2026-04-02&to=2026-04-01', /must be after from/],
      ['from=2025-01-01&to=2026-01-03', /at most 366 days apart/],
      ['groupBy=hour', /groupBy must be one of day, week, month, operator, channel, language/],
      ['tz=Mars/Olympus_Mons', /tz must be an IANA time zone/],
      ['channelId=abc', /channelId must be a channel id/],
      ['channelId=1e3', /channelId must be a channel id/],
      ['operatorId=0', /operatorId must be a user id/],
      ['language=' + 'x'.repeat(36), /language must be shorter than or equal to 35 characters/],
      ['from=2026-03-01&from=2026-03-02', /from must be a string/],
      ['unknown=1', /property unknown should not exist/],
    ];
    for (const [query, message] of cases) {
      const res = await report(query);
      expect([query, res.status]).toEqual([query, 400]);
      expect([query, JSON.stringify(res.body.message)]).toEqual([query, expect.stringMatching(message)]);
    }
    // 366 days is allowed (a leap year's worth), and so is a year in a zone with a summer time.
    await report('from=2027-01-01&to=2028-01-02&tz=America/New_York').expect(200);
  });

  it('takes an empty parameter, as a URL template leaves it, for no filter', async () => {
    const filled = (await report(`${MARCH_UTC}&groupBy=operator`).expect(200)).body;
    const empty = (await report(`${MARCH_UTC}&groupBy=operator&channelId=&operatorId=&language=&tz=`).expect(200)).body;
    expect(empty).toEqual(filled);
  });

  it('defaults to the last 30 days of UTC, today included, grouped by day', async () => {
    const body = (await report('').expect(200)).body;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(body).toMatchObject({ to: tomorrow, tz: 'UTC', groupBy: 'day' });
    expect(body.rows).toHaveLength(30);
    expect(body.rows.at(-1).key).toBe(new Date().toISOString().slice(0, 10));
  });

  it('is for live chat managers only', async () => {
    await report(MARCH_UTC, operatorToken).expect(403);
    await t.http.get(`/api/livechat/reports/sessions?${MARCH_UTC}`).expect(401);
  });

  it('answers each manager at most reportsPerMinute times a minute (RATE_LIMIT_REPORTS_PER_MIN), then 429 with Retry-After', async () => {
    const limited = await createTestApp({ rateLimits: { reportsPerMinute: 2 } });
    try {
      const [one, two] = await Promise.all(['one', 'two'].map((login) => limited.createUser(login, ['livechat_manager'])));
      const ask = (token: string) => limited.http.get('/api/livechat/reports/sessions').set(bearer(token));
      await ask(one.token).expect(200);
      await ask(one.token).set('Accept', 'text/csv').expect(200);
      const refused = await ask(one.token).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await ask(two.token).expect(200); // per user
    } finally {
      await limited.close();
    }
  });
});

/** Some fields of a row, for tables that compare a few columns. */
function pick(row: object, ...fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (row as Record<string, unknown>)[f]]));
}
