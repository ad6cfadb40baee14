import { DataSource } from 'typeorm';
import { sql, SqlRunner } from '@lc/platform/server';
import { createTestApp, type TestApp } from '@lc/testing';
import { PresenceService } from '../../presence/server/public-api';
import { decideRanked, rankCandidates, type CandidateFacts } from './assignment';
import { AssignmentService, type QueuedSession } from './assignment.service';
import { visitorLanguages } from './visitor-languages';
import { hashVisitorToken } from './visitor-token';

/** A small seeded generator: each run draws the same cases, and a failure names its case. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The assignment ranks the operators in the database (one statement, whatever their number): on random
 * operators (languages, enabled or not, presence, load, a full channel), visitors and transfers, its
 * decision is the one the rules give on the list of every operator's facts, reason and summary included.
 */
describe('livechat: the assignment decided by the database equals the rules over every operator', () => {
  let t: TestApp;
  let db: DataSource;
  let runner: SqlRunner;
  let assignment: AssignmentService;
  let presence: PresenceService;
  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    runner = t.app.get(SqlRunner);
    assignment = t.app.get(AssignmentService);
    presence = t.app.get(PresenceService);
  });
  afterAll(() => t.close());

  const ENABLED = new Set(['en-US', 'fr-FR', 'fr-BE', 'de-DE', 'es-ES', 'pt-BR', 'zh-CN']);
  // Languages an operator may hold: some no longer enabled, one in another case than the enabled code.
  const HELD = ['en-US', 'en-GB', 'fr-FR', 'fr-BE', 'fr-CA', 'de-DE', 'de-AT', 'es-ES', 'pt-BR', 'pt-PT', 'zh-CN', 'nl-NL', 'FR-fr'];
  const ACCEPT = ['', 'fr-CA', 'fr-CA,en;q=0.5', 'de-CH,de;q=0.9', 'nl-NL', 'pt-PT,es;q=0.8,en;q=0.1', 'zh-TW', 'EN-us', 'es', 'ja-JP,ko;q=0.9', 'fr-BE,fr-FR;q=0.9', 'fr,fr,FR,fr-FR,fr-BE,de,fr'];

  it('on 200 random cases over 30 operators in two channels, drawn again every 20 cases', async () => {
    const rand = random(17);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
    const manager = await t.createUser('ranked-manager', ['livechat_manager']);
    const channels: Array<{ id: number; maxSessionsPerOperator: number | null }> = [];
    for (const max of [2, 0]) channels.push((await t.http.post('/api/livechat/channels').set(bearer(manager.token)).send({ name: `Ranked ${max}`, ...(max && { maxSessionsPerOperator: max }) }).expect(201)).body);
    const operators: number[] = [];
    for (let i = 0; i < 30; i++) {
      const user = await t.createUser(`ranked${i}`, ['livechat_operator']);
      operators.push(user.id);
      for (const channel of channels) if (rand() < 0.8) await t.http.post(`/api/livechat/channels/${channel.id}/join`).set(bearer(user.token)).expect(200);
    }
    // A visitor who chatted before, with one of the operators.
    const earlier = (await t.http.post(`/api/livechat/channels/${channels[1].id}/sessions`).send({}).expect(201)).body;
    const earlierOperator = operators[3];
    await runner.read(sql`UPDATE "livechat_session" SET "status" = ${'ended'}, "operatorId" = ${earlierOperator}, "assignedAt" = ${Date.now()}, "endedAt" = ${Date.now()} WHERE "id" = ${earlier.sessionId}`);

    // The facts below are written behind presence's back: its sweeper and activity writes must not change them meanwhile.
    await presence.flushActivity();
    jest.spyOn(presence, 'flushActivity').mockResolvedValue();
    jest.spyOn(presence, 'sweep').mockResolvedValue();
    const now = Date.now();
    /** New random facts for every operator; `online`: the share of operators online (some rounds have nobody). */
    async function drawFacts(online: number) {
      for (const userId of operators) {
        const languages = HELD.filter(() => rand() < 0.15);
        await runner.read(sql`UPDATE "base_user" SET "lang" = ${pick(HELD)} WHERE "id" = ${userId}`);
        await runner.read(sql`DELETE FROM "livechat_operator_profile" WHERE "userId" = ${userId}`);
        await runner.read(sql`INSERT INTO "livechat_operator_profile" ("userId", "languages") VALUES (${userId}, ${languages.join(',')})`);
        const active = rand() < 0.8 ? now - presence.timeoutMs / 2 : now - presence.timeoutMs * 2;
        await runner.read(sql`DELETE FROM "presence_user" WHERE "userId" = ${userId}`);
        const status = userId === earlierOperator && online > 0.5 ? 'online' : rand() < online ? 'online' : pick(['away', 'offline', 'none']);
        if (status !== 'none') await runner.read(sql`INSERT INTO "presence_user" ("userId", "status", "lastActivityAt") VALUES (${userId}, ${status}, ${active})`);
        // Loads written as they are read (the triggers keep them in the product): ties are frequent.
        await runner.read(sql`DELETE FROM "livechat_operator_load" WHERE "userId" = ${userId}`);
        if (rand() < 0.8) await runner.read(sql`INSERT INTO "livechat_operator_load" ("userId", "ongoing", "lastAssignedAt") VALUES (${userId}, ${Math.floor(rand() * 3)}, ${rand() < 0.3 ? null : now - Math.floor(rand() * 4) * 1000})`);
        for (const channel of channels) {
          await runner.read(sql`DELETE FROM "livechat_operator_channel_load" WHERE "userId" = ${userId} AND "channelId" = ${channel.id}`);
          await runner.read(sql`INSERT INTO "livechat_operator_channel_load" ("userId", "channelId", "ongoing") VALUES (${userId}, ${channel.id}, ${Math.floor(rand() * 3)})`);
        }
      }
    }

    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      if (i % 20 === 0) await drawFacts([0.9, 0.6, 0.3, 0.02][(i / 20) % 4]);
      const channel = pick(channels);
      const limit = { id: channel.id, maxSessionsPerOperator: channel.maxSessionsPerOperator ?? null };
      const session: QueuedSession = {
        id: 1_000_000 + i, channelId: limit.id, conversationId: 0, status: 'queued',
        visitorTokenHash: rand() < 0.3 ? hashVisitorToken(earlier.visitorToken) : hashVisitorToken(`nobody-${i}`),
        acceptLanguage: pick(ACCEPT), transferredFromId: rand() < 0.3 ? pick(operators) : null, assignmentSummary: null,
      };
      const fromDatabase = decideRanked(await assignment.rankedFacts(db.manager, limit, session, ENABLED));

      // The rules over the list of every joined operator's facts.
      const candidates: CandidateFacts[] = [];
      const excluded: Array<{ name: string; why: string }> = [];
      for (const operator of await assignment.operatorFacts(db.manager, limit, ENABLED)) {
        if (operator.userId === session.transferredFromId) excluded.push({ name: operator.name, why: 'transferred it' });
        else if (!operator.online) excluded.push({ name: operator.name, why: 'not online' });
        else if (operator.full) excluded.push({ name: operator.name, why: `full: ${limit.maxSessionsPerOperator} sessions` });
        else candidates.push(operator);
      }
      const previousOperatorId = session.visitorTokenHash === hashVisitorToken(earlier.visitorToken) ? earlierOperator : null;
      const fromList = decideRanked(rankCandidates({ candidates, excluded, previousOperatorId, visitorLanguages: visitorLanguages(session.acceptLanguage ?? undefined) }));
      seen.add(`${fromList.summary.rule} ${fromList.summary.tie} ${fromList.summary.sameLanguageOnly}`);
      expect({ case: i, ...fromDatabase }).toEqual({ case: i, ...fromList });
    }
    // The cases went through every rule and every tie.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['language lowest-id false', 'language longest-waiting false', 'language none true', 'least-busy none false', 'least-busy lowest-id false', 'previous-operator none false', 'queued none false']));
  });
});
