import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { GroupCatalog } from '@lc/platform';
import { Translations } from '@lc/platform/server';
import type { Lang, LivechatSessionItem, Message } from '@lc/protocol';
import { User } from '../../base/server/public-api';
import { MessagesService } from '../../discuss/server/public-api';
import { ChannelOperator, type LivechatChannel, type LivechatSession } from './entities';
import { LivechatMailer } from './mailer';
import { visitorLanguages } from './visitor-languages';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Everything typed by someone is shown as text: `<b>` stays `&lt;b&gt;` in the HTML part. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A header line (the subject) is one line whatever was typed. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim().slice(0, 150);
}

function time(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The conversation as mail text and HTML; `read` gives a message's text in the reader's language. */
function transcriptBodies(messages: Message[], read: (m: Message) => string): { text: string; html: string } {
  const text = messages.map((m) => `[${time(m.createdAt)}] ${m.author.name}:\n${read(m)}`).join('\n\n');
  const html = messages
    .map((m) => `<p><small>${escapeHtml(time(m.createdAt))}</small> <b>${escapeHtml(m.author.name)}</b><br>${escapeHtml(read(m)).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return { text, html };
}

/** Typed text in bold for the HTML part (the translated sentence around it is ours). */
const bold = (text: string) => `<b>${escapeHtml(text)}</b>`;

/** The mails a live chat session sends: its transcript to the visitor, an offline message to the team. */
@Injectable()
export class SessionMails {
  private readonly logger = new Logger('SessionMails');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mailer: LivechatMailer,
    private readonly messages: MessagesService,
    private readonly groups: GroupCatalog,
    private readonly translations: Translations,
  ) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  /** The conversation so far (ended or not), to the address the visitor gave, in the visitor's language. */
  async transcript(channel: LivechatChannel, session: LivechatSession, to: string): Promise<void> {
    const lang = this.translations.negotiate(visitorLanguages(session.acceptLanguage ?? undefined));
    const t = (id: string, params: Record<string, string>) => this.translations.text(lang, 'server', `livechat.mail.transcript.${id}`, params);
    const bodies = transcriptBodies(await this.messages.all(session.conversationId), this.reader(lang));
    this.mailer.send({
      to,
      subject: oneLine(t('subject', { channel: channel.name })),
      text: `${t('intro', { channel: channel.name })}\n\n${bodies.text}\n`,
      html: `<p>${t('intro', { channel: bold(channel.name) })}</p>\n${bodies.html}`,
    });
  }

  /**
   * A message left while nobody was inside: to the channel's operators, to the live chat managers when the
   * channel has none, with a link to its transcript in the shell. A user's address is their login when it
   * is an email address (users have no other email field yet); users without one are not mailed.
   */
  offlineMessage(channel: LivechatChannel, session: Pick<LivechatSessionItem, 'id' | 'conversationId' | 'visitorName' | 'email'>, shellOrigin: string): void {
    if (!this.mailer.enabled) return;
    this.mailOfflineMessage(channel, session, shellOrigin).catch((error: Error) => this.logger.error(`Offline message ${session.id} not mailed: ${error.message}`));
  }

  /** One mail per language of the recipients (each reads it in their own `lang`). */
  private async mailOfflineMessage(channel: LivechatChannel, session: Pick<LivechatSessionItem, 'id' | 'conversationId' | 'visitorName' | 'email'>, shellOrigin: string): Promise<void> {
    const team = await this.teamAddresses(channel.id);
    if (!team.size) return;
    const messages = await this.messages.all(session.conversationId);
    const link = `${shellOrigin}/web/livechat/sessions/${session.id}`;
    const from = `${session.visitorName ?? ''} <${session.email ?? ''}>`.trim();
    for (const [lang, to] of team) {
      const t = (id: string, params: Record<string, string> = {}) => this.translations.text(lang, 'server', `livechat.mail.offline.${id}`, params);
      const bodies = transcriptBodies(messages, this.reader(lang));
      this.mailer.send({
        to,
        subject: oneLine(t('subject', { channel: channel.name, name: session.visitorName ?? session.email ?? t('aVisitor') })),
        text: `${t('intro', { from, channel: channel.name })}\n\n${bodies.text}\n\n${t('transcript', { link })}\n`,
        html: `<p>${t('intro', { from: bold(from), channel: bold(channel.name) })}</p>\n${bodies.html}\n<p><a href="${escapeHtml(link)}">${escapeHtml(t('open'))}</a></p>`,
      });
    }
  }

  /** A message's text in a language: a system message from its key, anything typed as typed. */
  private reader(lang: Lang): (m: Message) => string {
    return (m) => (m.i18n ? this.translations.text(lang, 'messages', m.i18n.key, m.i18n.params) : m.body);
  }

  /** The team's addresses by the language each member reads. */
  private async teamAddresses(channelId: number): Promise<Map<Lang, string[]>> {
    const inside = await this.db.getRepository(ChannelOperator).findBy({ channelId });
    const users = inside.length
      ? await this.db.getRepository(User).findBy({ id: In(inside.map((o) => o.userId)), active: true })
      : (await this.db.getRepository(User).findBy({ active: true })).filter((u) => this.groups.effective(u.groups).includes('livechat_manager'));
    const byLang = new Map<Lang, string[]>();
    for (const user of users.filter((u) => EMAIL.test(u.login))) {
      const lang = this.translations.negotiate([user.lang]);
      const to = byLang.get(lang) ?? [];
      if (!to.includes(user.login)) byLang.set(lang, [...to, user.login]);
    }
    return byLang;
  }
}
