import { translatableError } from '@lc/platform/server';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { httpUrl } from '@lc/platform';
import { PAGES_KEPT, type PageReportRequest, type VisitorContext } from '@lc/protocol';
import { ConversationsService } from '../../discuss/server/public-api';
import { LivechatSession, PageVisitRecord } from './entities';
import { OperatorNames } from './operator-names';
import { ratingOf } from './session-list.service';

/** A page reported before the session started is believed back this far, never in the future. */
const PAGE_TIME_WINDOW_MS = 24 * 3600_000;

type Visit = Pick<PageVisitRecord, 'url' | 'title' | 'at'>;

/** A reported page as kept: an http(s) URL only, its title trimmed (empty: none), its time within the window. */
function toVisit(page: PageReportRequest, now: number): Visit | null {
  const url = httpUrl(page.url);
  if (!url) return null;
  const claimed = page.at ? Date.parse(page.at) : now;
  const at = Number.isFinite(claimed) ? Math.min(now, Math.max(now - PAGE_TIME_WINDOW_MS, claimed)) : now;
  return { url, title: page.title?.trim() || null, at };
}

/** Who the operator is talking to: the pages the visitor saw (the newest kept per session) and their earlier sessions. */
@Injectable()
export class VisitorPages {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conversations: ConversationsService,
    private readonly operatorNames: OperatorNames,
  ) {}

  /** With the session start: the pages the widget kept from before the first message, else the page it started on. */
  async storeAtStart(tx: EntityManager, sessionId: number, pages: PageReportRequest[] | undefined, pageUrl: string | null): Promise<void> {
    const now = Date.now();
    const visits = pages?.length ? pages.map((p) => toVisit(p, now)).filter((v): v is Visit => !!v) : pageUrl ? [{ url: pageUrl, title: null, at: now }] : [];
    if (visits.length) await tx.getRepository(PageVisitRecord).insert(visits.slice(-PAGES_KEPT).map((v) => ({ ...v, sessionId })));
  }

  /**
   * The visitor is on another page: kept with the newest ones (older ones dropped, one transaction), it
   * becomes the session's page, and the operators' banners and panels follow.
   */
  async report(session: LivechatSession, page: PageReportRequest): Promise<void> {
    if (session.status === 'ended') throw translatableError(409, 'livechat.sessionEnded', { id: session.id });
    const visit = toVisit(page, Date.now())!; // the DTO admits http(s) URLs only
    await this.db.transaction(async (tx) => {
      const pages = tx.getRepository(PageVisitRecord);
      await pages.insert({ ...visit, sessionId: session.id });
      const older = await pages.find({ where: { sessionId: session.id }, order: { id: 'DESC' }, skip: PAGES_KEPT, select: { id: true } });
      if (older.length) await pages.delete({ id: In(older.map((p) => p.id)) });
      await tx.getRepository(LivechatSession).update({ id: session.id }, { pageUrl: visit.url });
    });
    await this.conversations.announce(session.conversationId, await this.conversations.memberIds(session.conversationId));
  }

  async context(session: LivechatSession): Promise<VisitorContext> {
    const pages = await this.db.getRepository(PageVisitRecord).find({ where: { sessionId: session.id }, order: { at: 'DESC', id: 'DESC' }, take: PAGES_KEPT });
    const previous = await this.db.getRepository(LivechatSession).find({
      where: { visitorTokenHash: session.visitorTokenHash, id: Not(session.id), offline: false },
      order: { id: 'DESC' },
      take: 20,
    });
    const operators = await this.operatorNames.refs(previous.flatMap((s) => (s.operatorId ? [s.operatorId] : [])));
    return {
      language: session.visitorLanguage,
      userAgent: session.userAgent,
      pages: pages.map((p) => ({ url: p.url, title: p.title, at: new Date(p.at).toISOString() })),
      previousSessions: previous.map((s) => ({ id: s.id, startedAt: new Date(s.startedAt).toISOString(), operator: (s.operatorId && operators.get(s.operatorId)) || null, rating: ratingOf(s) })),
    };
  }
}
