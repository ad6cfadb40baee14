import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { atomically, sql, SqlRunner, type Sql, type SqlValue } from '@lc/platform/server';
import { LanguagesService, User } from '../../base/server/public-api';
import { ConversationsService } from '../../discuss/server/public-api';
import { PresenceService, presenceJoin } from '../../presence/server/public-api';
import { decideRanked, NO_LANGUAGE, primary, REASON_MAX_LISTED, consideredCandidate, consideredExcluded, type RankedFacts } from './assignment';
import { LivechatChannel, LivechatSession } from './entities';
import { visitorLanguages } from './visitor-languages';

/** All assignment decisions of all processes take this lock, so limits hold under concurrent starts. */
const ASSIGNMENT_LOCK = 0x6c630001;

/**
 * The channel's queue as the assignment left it, read under its lock: what it assigned (with the new
 * status and operator) and what still waits, first come first. Callers tell visitors from this instead of
 * reading the sessions again.
 */
export interface QueueOutcome {
  assigned: Array<QueuedSession & { status: 'active'; operatorId: number }>;
  stillQueued: QueuedSession[];
}

/** What an assignment reads of a queued session (by hand-written SQL: no entity on this path). */
export type QueuedSession = Pick<LivechatSession, 'id' | 'channelId' | 'conversationId' | 'status' | 'visitorTokenHash' | 'acceptLanguage' | 'transferredFromId' | 'assignmentSummary'>;

/** A channel as the rules see it. */
type ChannelLimit = Pick<LivechatChannel, 'id' | 'maxSessionsPerOperator'>;

const nullableNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Writes of the caller inside an assignment's transaction: `before` it (its value is passed on), `after` it. */
export interface AroundAssignment<T> {
  before(tx: EntityManager): Promise<T>;
  after(tx: EntityManager, outcome: QueueOutcome, value: T): Promise<void>;
}

/** A joined active operator of a channel as the rules see them (the "Transfer to…" list too). */
export interface OperatorFacts {
  userId: number;
  /** The user name. */
  name: string;
  /** Main language and Online Chat Languages, enabled ones only. */
  languages: string[];
  online: boolean;
  /** Active sessions in every channel, and in this one. */
  ongoing: number;
  inChannel: number;
  /** At the channel's limit of sessions per operator. */
  full: boolean;
  lastAssignedAt: number | null;
}

@Injectable()
export class AssignmentService {
  private readonly logger = new Logger('Assignment');

  /** Joined active operators of a channel: languages, presence, and their load (kept by the session triggers: AddOperatorLoad). */
  private readonly operatorFactsQuery: string;
  /** The joined operators with their user, presence, profile and load rows (aliases o, u, presence, pr, l, cl). */
  private readonly operatorsFrom: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
    private readonly presence: PresenceService,
    private readonly languages: LanguagesService,
    private readonly conversations: ConversationsService,
  ) {
    const presenceFacts = presenceJoin(db, 'o."userId"');
    this.operatorsFrom = `FROM "livechat_channel_operator" o JOIN "${db.getMetadata(User).tableName}" u ON u."id" = o."userId"
      ${presenceFacts.join}
      LEFT JOIN "livechat_operator_profile" pr ON pr."userId" = o."userId"
      LEFT JOIN "livechat_operator_load" l ON l."userId" = o."userId"
      LEFT JOIN "livechat_operator_channel_load" cl ON cl."userId" = o."userId" AND cl."channelId" = o."channelId"`;
    this.operatorFactsQuery = `SELECT o."userId", u."name", u."lang", pr."languages", ${presenceFacts.columns},
        COALESCE(l."ongoing", 0) AS "ongoing", COALESCE(cl."ongoing", 0) AS "inChannel", l."lastAssignedAt"
      ${this.operatorsFrom} WHERE o."channelId" = ? AND u."active" = ? ORDER BY o."userId"`;
  }

  /**
   * Assigns the queued sessions of a channel first come first served, as long as an operator is
   * available. `around` writes before and after the assignment in its transaction, under its lock: a
   * session start inserts its session first and stores its first message, whose author depends on the
   * outcome, last, so all of it commits together or not at all.
   */
  async assignQueued<T = undefined>(channelId: number, around?: AroundAssignment<T>): Promise<QueueOutcome & { value?: T }> {
    // Languages are read before taking the lock: under it, only the lock's own connection is used, so that
    // waiting requests holding pooled connections can never starve the lock holder.
    const enabled = await this.languages.enabledCodes();
    const work = async (manager: EntityManager) => {
      const value = around ? await around.before(manager) : undefined;
      const outcome = await this.assignWithin(manager, channelId, enabled);
      if (around) await around.after(manager, outcome, value as T);
      return { ...outcome, value };
    };
    // SQLite's `atomically` is a queue, not a transaction: the writes around need one of their own.
    return atomically(this.db, ASSIGNMENT_LOCK, (manager) => (around && !manager.queryRunner?.isTransactionActive ? manager.transaction(work) : work(manager)));
  }

  /**
   * `work` in one transaction under the assignment's lock: a decision made outside the rules (a transfer
   * to a named operator) sees the same limits and takes its slot before any other assignment runs.
   */
  underLock<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return atomically(this.db, ASSIGNMENT_LOCK, (manager) => (manager.queryRunner?.isTransactionActive ? work(manager) : manager.transaction(work)));
  }

  /** The channel's joined active operators, read in one statement (under the lock when deciding). */
  async operatorFacts(manager: EntityManager, channel: ChannelLimit, enabled: Set<string>): Promise<OperatorFacts[]> {
    const rows = await this.sql.read({ text: this.operatorFactsQuery, params: [channel.id, true] }, manager);
    return rows.map((row) => {
      const userId = Number(row.userId);
      return {
        userId,
        name: String(row.name),
        languages: [String(row.lang), ...String(row.languages ?? '').split(',')].filter((l) => enabled.has(l)),
        online: this.presence.isOnline(userId, row.presenceStatus as string | null, row.lastActivityAt === null ? null : Number(row.lastActivityAt)),
        ongoing: Number(row.ongoing),
        inChannel: Number(row.inChannel),
        full: !!channel.maxSessionsPerOperator && Number(row.inChannel) >= channel.maxSessionsPerOperator,
        lastAssignedAt: row.lastAssignedAt === null ? null : Number(row.lastAssignedAt),
      };
    });
  }

  private async assignWithin(manager: EntityManager, channelId: number, enabled: Set<string>): Promise<QueueOutcome> {
    const [channel] = await this.sql.read(sql`SELECT "id", "maxSessionsPerOperator" FROM "livechat_channel" WHERE "id" = ${channelId}`, manager);
    if (!channel) return { assigned: [], stillQueued: [] };
    const limit: ChannelLimit = { id: channelId, maxSessionsPerOperator: nullableNumber(channel.maxSessionsPerOperator) };
    const queued = (
      await this.sql.read(
        sql`SELECT "id", "conversationId", "visitorTokenHash", "acceptLanguage", "transferredFromId", "assignmentSummary" FROM "livechat_session" WHERE "channelId" = ${channelId} AND "status" = ${'queued'} ORDER BY "id"`,
        manager,
      )
    ).map(
      (row): QueuedSession => ({
        id: Number(row.id),
        channelId,
        conversationId: Number(row.conversationId),
        status: 'queued',
        visitorTokenHash: String(row.visitorTokenHash),
        acceptLanguage: (row.acceptLanguage as string | null) ?? null,
        transferredFromId: nullableNumber(row.transferredFromId),
        assignmentSummary: row.assignmentSummary ? JSON.parse(String(row.assignmentSummary)) : null,
      }),
    );
    const assigned: QueueOutcome['assigned'] = [];
    for (const [i, session] of queued.entries()) {
      const outcome = await this.assignOne(manager, limit, session, enabled);
      // Both stop this pass; a session ended meanwhile starts its own pass once it has ended.
      if (outcome === 'no operator') return { assigned, stillQueued: queued.slice(i) };
      if (outcome === 'ended meanwhile') return { assigned, stillQueued: queued.slice(i + 1) };
      assigned.push(outcome);
    }
    return { assigned, stillQueued: [] };
  }

  /**
   * Decides for one queued session and records the decision: the session as it now is, or why it is not
   * assigned. The session's triggers count the assignment in the operator's load (AddOperatorLoad).
   */
  private async assignOne(manager: EntityManager, channel: ChannelLimit, session: QueuedSession, enabled: Set<string>): Promise<QueueOutcome['assigned'][number] | 'no operator' | 'ended meanwhile'> {
    const transfer = session.assignmentSummary?.transferredBy ? session.assignmentSummary : undefined;
    const decision = decideRanked(await this.rankedFacts(manager, channel, session, enabled), transfer);
    const summary = JSON.stringify(decision.summary);
    if (decision.operatorId === null) {
      await this.sql.read(sql`UPDATE "livechat_session" SET "assignmentReason" = ${decision.reason}, "assignmentSummary" = ${summary} WHERE "id" = ${session.id} AND "status" = ${'queued'}`, manager);
      session.assignmentSummary = decision.summary;
      return 'no operator';
    }
    const assignedAt = Date.now();
    const updated = await this.sql.read(
      sql`UPDATE "livechat_session" SET "status" = ${'active'}, "operatorId" = ${decision.operatorId}, "assignedAt" = ${assignedAt}, "assignmentReason" = ${decision.reason}, "assignmentSummary" = ${summary}
        WHERE "id" = ${session.id} AND "status" = ${'queued'} RETURNING "id"`,
      manager,
    );
    if (!updated.length) return 'ended meanwhile';
    await this.conversations.addMemberWithin(manager, session.conversationId, decision.operatorId);
    this.logger.debug(`session ${session.id}: ${decision.reason}`);
    return { ...session, status: 'active', operatorId: decision.operatorId, assignmentSummary: decision.summary };
  }

  /**
   * What the rules need (RankedFacts), ranked by the database in one statement: with a thousand operators
   * inside, turning each one's row into an object cost more than all the rest of a session start. Each
   * joined active operator is a candidate or excluded (why: 1 transferred it, 2 not online, 3 full), with
   * their language rank; the statement returns the first two candidates in the rules' order, the previous
   * operator if a candidate, the first operators the reason names, and the counts (from one materialized
   * scan: ranking through a window function cost half as much again).
   */
  async rankedFacts(manager: EntityManager, channel: ChannelLimit, session: QueuedSession, enabled: Set<string>): Promise<RankedFacts> {
    const tags = visitorLanguages(session.acceptLanguage ?? undefined);
    const [previous] = await this.sql.read(
      sql`SELECT "operatorId" FROM "livechat_session" WHERE "visitorTokenHash" = ${session.visitorTokenHash} AND "operatorId" IS NOT NULL AND "id" <> ${session.id} ORDER BY "assignedAt" DESC LIMIT 1`,
      manager,
    );
    const rank = this.languageRankSql(tags, enabled);
    const online = this.presence.onlineCondition();
    const statement: Sql = {
      text: `WITH f AS MATERIALIZED (SELECT o."userId" AS "id", u."name", COALESCE(l."ongoing", 0) AS "ongoing", l."lastAssignedAt" AS "last",
          CASE WHEN o."userId" = ? THEN 1 WHEN (${online.text}) IS NOT TRUE THEN 2 WHEN ? > 0 AND COALESCE(cl."ongoing", 0) >= ? THEN 3 ELSE 0 END AS "why",
          ${rank.text} AS "rank"
        ${this.operatorsFrom} WHERE o."channelId" = ? AND u."active" = ?)
      SELECT 'first' AS "part", a.* FROM (SELECT * FROM f WHERE "why" = 0 ORDER BY "rank", "ongoing", COALESCE("last", -1), "id" LIMIT 2) a
      UNION ALL SELECT 'previous', b.* FROM (SELECT * FROM f WHERE "why" = 0 AND "id" = ?) b
      UNION ALL SELECT 'listed', c.* FROM (SELECT * FROM f ORDER BY CASE WHEN "why" = 0 THEN 0 ELSE 1 END, "id" LIMIT ${REASON_MAX_LISTED}) c
      UNION ALL SELECT 'counts', COUNT(*), NULL, SUM(CASE WHEN "why" = 0 THEN 1 ELSE 0 END), NULL, NULL, NULL FROM f`,
      params: [
        session.transferredFromId, ...online.params, channel.maxSessionsPerOperator ?? 0, channel.maxSessionsPerOperator ?? 0, ...rank.params,
        channel.id, true, previous ? Number(previous.operatorId) : null,
      ],
    };
    const rows = await this.sql.read(statement, manager);
    const candidate = (row: (typeof rows)[number]) => ({ userId: Number(row.id), name: String(row.name), languages: [], ongoing: Number(row.ongoing), lastAssignedAt: nullableNumber(row.last), rank: Number(row.rank) });
    const why = (code: unknown) => (Number(code) === 1 ? 'transferred it' : Number(code) === 2 ? 'not online' : `full: ${channel.maxSessionsPerOperator} sessions`);
    // The counts' row: how many are considered in "id", how many are available in "ongoing".
    const counts = rows.find((r) => r.part === 'counts')!;
    return {
      available: Number(counts.ongoing ?? 0),
      considered: Number(counts.id),
      firstTwo: rows.filter((r) => r.part === 'first').map(candidate),
      previous: rows.filter((r) => r.part === 'previous').map(candidate)[0] ?? null,
      listed: rows.filter((r) => r.part === 'listed').map((r) => (Number(r.why) === 0 ? consideredCandidate(candidate(r)) : consideredExcluded({ name: String(r.name), why: why(r.why) }))),
      visitorLanguages: tags,
    };
  }

  /**
   * languageRank as an SQL expression over an operator's languages (main and Online Chat Languages, as
   * ",fr-FR,en-US,"): an enabled code equal to the visitor's tag, else one of the same primary language.
   * The text depends on the visitor's tags and the enabled codes; the codes travel as parameters. A code an
   * earlier WHEN already tests is left out of the later ones (the first WHEN that holds decides): each
   * enabled code is tested once at most, however long a visitor's header (a hostile one repeating "fr").
   */
  private languageRankSql(tags: string[], enabled: Set<string>): Sql {
    const contains = this.sql.dialect === 'postgres' ? 'strpos' : 'instr';
    const list = `(',' || u."lang" || ',' || COALESCE(pr."languages", '') || ',')`;
    const cases: string[] = [];
    const params: SqlValue[] = [];
    const tested = new Set<string>();
    const when = (matching: string[], rank: number) => {
      const codes = matching.filter((code) => !tested.has(code));
      if (!codes.length) return;
      codes.forEach((code) => tested.add(code));
      cases.push(`WHEN ${codes.map(() => `${contains}(${list}, ?) > 0`).join(' OR ')} THEN ${rank}`);
      params.push(...codes.map((code) => `,${code},`));
    };
    for (const [i, tag] of tags.entries()) {
      when([...enabled].filter((code) => code.toLowerCase() === tag.toLowerCase()), 2 * i);
      when([...enabled].filter((code) => primary(code) === primary(tag)), 2 * i + 1);
    }
    return cases.length ? { text: `CASE ${cases.join(' ')} ELSE ${NO_LANGUAGE} END`, params } : { text: String(NO_LANGUAGE), params: [] };
  }
}
