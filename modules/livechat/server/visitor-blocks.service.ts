import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThan, type FindOptionsWhere } from 'typeorm';
import { sql, SqlRunner, type AuthUser, translatableError } from '@lc/platform/server';
import { BLOCK_DAYS_DEFAULT, type BlockVisitorRequest, type MessageI18n, type VisitorBlock } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { LivechatSession, VisitorBlockRecord } from './entities';
import { blockableAddress } from './visitor-address';

const DAY_MS = 24 * 3600_000;
/** What a visitor who is blocked reads (the widget, a refused start or message): nothing about why. */
/** Why a blocked visitor's chat ended (livechat's `messages` key; its English text is the 403's message). */
export const CHAT_NOT_AVAILABLE: MessageI18n = { key: 'livechat.chatNotAvailable', params: {} };

/** Only a fingerprint of the token leaves the server (the token itself is the visitor's secret, never stored). */
const fingerprint = (tokenHash: string | null) => tokenHash?.slice(0, 12) ?? null;

/**
 * Blocked visitors: a block holds the visitor's token and their address (IPv4, or IPv6's /64) until it
 * expires or a manager lifts it; either one gets no chat and leaves no message. It blocks nobody else:
 * another token from another address goes through, and a proxy's or private address is never blocked.
 */
@Injectable()
export class VisitorBlocks {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sql: SqlRunner,
  ) {}

  /** Whether the token (by its hash) or the client address is blocked now: one indexed read. */
  async isBlocked(tokenHash: string | null, address: string | null): Promise<boolean> {
    const blockedAddress = blockableAddress(address);
    if (!tokenHash && !blockedAddress) return false;
    const [row] = await this.sql.read(
      sql`SELECT "id" FROM "livechat_block" WHERE "until" > ${Date.now()} AND ("visitorTokenHash" = ${tokenHash} OR "address" = ${blockedAddress}) LIMIT 1`,
    );
    return !!row;
  }

  /** 403 for a blocked visitor. */
  async refuse(tokenHash: string | null, address: string | null): Promise<void> {
    if (await this.isBlocked(tokenHash, address)) throw translatableError(403, 'livechat.chatNotAvailable');
  }

  /** Blocks the visitor of a session; the caller ends the session. 409 when already blocked, or nothing identifies them. */
  async block(session: LivechatSession, by: AuthUser, input: BlockVisitorRequest): Promise<VisitorBlock> {
    // An offline message's token is a throwaway one nobody holds: its address is what identifies the visitor.
    const tokenHash = session.offline ? null : session.visitorTokenHash;
    const address = blockableAddress(session.clientAddress);
    if (!tokenHash && !address) throw translatableError(409, 'livechat.nothingToBlock');
    const now = Date.now();
    const active = await this.db.getRepository(VisitorBlockRecord).findOneBy(tokenHash ? { visitorTokenHash: tokenHash, until: MoreThan(now) } : { address: address!, until: MoreThan(now) });
    if (active) throw translatableError(409, 'livechat.alreadyBlocked', { until: new Date(active.until).toISOString() });
    const { identifiers } = await this.db.getRepository(VisitorBlockRecord).insert({
      visitorTokenHash: tokenHash,
      address,
      until: now + (input.days ?? BLOCK_DAYS_DEFAULT) * DAY_MS,
      reason: input.reason?.trim() || null,
      blockedById: by.id,
      sessionId: session.id,
      createdAt: now,
    });
    return (await this.items({ id: identifiers[0].id as number }))[0];
  }

  /** The blocks in force, newest first (Live Chat → Configuration → Blocked visitors). */
  list(): Promise<VisitorBlock[]> {
    return this.items({ until: MoreThan(Date.now()) });
  }

  async lift(id: number): Promise<void> {
    const { affected } = await this.db.getRepository(VisitorBlockRecord).delete({ id });
    if (!affected) throw translatableError(404, 'livechat.blockNotFound', { id });
  }

  private async items(where: FindOptionsWhere<VisitorBlockRecord>): Promise<VisitorBlock[]> {
    const blocks = await this.db.getRepository(VisitorBlockRecord).find({ where, order: { id: 'DESC' }, take: 500 });
    const userIds = [...new Set(blocks.flatMap((b) => (b.blockedById ? [b.blockedById] : [])))];
    const sessionIds = [...new Set(blocks.flatMap((b) => (b.sessionId ? [b.sessionId] : [])))];
    const users = new Map((userIds.length ? await this.db.getRepository(User).findBy({ id: In(userIds) }) : []).map((u) => [u.id, u]));
    const sessions = new Map((sessionIds.length ? await this.db.getRepository(LivechatSession).find({ where: { id: In(sessionIds) }, select: { id: true, visitorName: true } }) : []).map((s) => [s.id, s]));
    return blocks.map((b) => {
      const user = b.blockedById ? users.get(b.blockedById) : undefined;
      const session = b.sessionId ? sessions.get(b.sessionId) : undefined;
      return {
        id: b.id,
        address: b.address,
        visitorToken: fingerprint(b.visitorTokenHash),
        until: new Date(b.until).toISOString(),
        reason: b.reason,
        blockedBy: user ? { id: user.id, name: user.name } : null,
        createdAt: new Date(b.createdAt).toISOString(),
        sessionId: b.sessionId,
        visitorName: session ? (session.visitorName ?? `Visitor #${session.id}`) : null,
      };
    });
  }
}
