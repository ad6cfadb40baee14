import { Body, Controller, Get, Header, Headers, HttpCode, Inject, Ip, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiRoute, ApiVisitorRoute, APP_CONFIG, type AppConfig, Authenticator, clientCountry, IdParam, Public, tokenOf, translatableError } from '@lc/platform/server';
import { EmailTranscriptRequest, OfflineMessageRequest, PageReportRequest, PostMessageDto, RateSessionRequest, StartSessionRequest, type LivechatSessionItem, type Message, type PublicChannel, type StartedSession } from '@lc/protocol';
import { ChannelsService } from './channels.service';
import { SessionMails } from './session-mails';
import { SessionRatings } from './session-ratings.service';
import { clientAddress } from './visitor-address';
import { VisitorBlocks } from './visitor-blocks.service';
import { visitorLanguages } from './visitor-languages';
import { VisitorPages } from './visitor-pages.service';
import { VisitorRateLimits } from './visitor-rate-limits';
import { VisitorSessions } from './visitor-sessions.service';
import { hashVisitorToken } from './visitor-token';

/** The hash of the visitor token a request brings, if any (a blocked one is refused whether known or not). */
const tokenHashOf = (visitorToken: string | undefined) => (visitorToken ? hashVisitorToken(visitorToken) : null);

/** The routes the visitor widget calls, without a user session (CORS-enabled for any website). */
@Public()
@Controller('api/livechat')
export class VisitorController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly sessions: VisitorSessions,
    private readonly limits: VisitorRateLimits,
    private readonly ratings: SessionRatings,
    private readonly authenticator: Authenticator,
    private readonly mails: SessionMails,
    private readonly blocks: VisitorBlocks,
    private readonly pages: VisitorPages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A blocked visitor (their token or address) reads `available: false, blocked: true`. */
  @ApiRoute('What the widget needs before a session (in the visitor\'s language)', { returns: 'PublicChannel' })
  @Get('channels/:id/public')
  @Header('Vary', 'Accept-Language, X-Visitor-Token') // a shared cache must not give one visitor's answer to another
  async publicChannel(@IdParam() id: number, @Ip() ip: string, @Headers('x-visitor-token') visitorToken?: string, @Headers('accept-language') acceptLanguage?: string): Promise<PublicChannel> {
    const channel = await this.channels.publicChannel(id, visitorLanguages(acceptLanguage));
    const blocked = await this.blocks.isBlocked(tokenHashOf(visitorToken), clientAddress(ip));
    return blocked ? { ...channel, available: false, blocked } : channel;
  }

  @ApiRoute('Leave a message while nobody is available', { status: 201, returns: 'LivechatSessionItem', errors: { 403: 'This visitor is blocked', 429: 'Too many session starts from this address; see Retry-After' } })
  @Post('channels/:id/offline-messages')
  async offlineMessage(
    @IdParam() id: number,
    @Body() body: OfflineMessageRequest,
    @Ip() ip: string,
    @Req() request: Request,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('user-agent') userAgent?: string,
    @Headers('x-visitor-token') visitorToken?: string,
  ): Promise<LivechatSessionItem> {
    const channel = await this.channels.get(id); // an unknown channel is a 404 before it costs a start
    await this.limits.sessionStart(ip);
    const address = clientAddress(ip);
    await this.blocks.refuse(tokenHashOf(visitorToken), address);
    const item = await this.sessions.offlineMessage(channel, body, { acceptLanguage, userAgent, country: clientCountry(request, this.config.countryHeader), address });
    // Mailed to the team after the answer: a mail server that is slow or down never fails the visitor's message.
    const shellOrigin = this.config.publicOrigin ?? `${request.protocol}://${request.get('host')}`;
    this.mails.offlineMessage(channel, item, shellOrigin);
    return item;
  }

  @ApiRoute('Start a visitor session: assigned to an operator or queued', { status: 201, returns: 'StartedSession', errors: { 403: 'This visitor is blocked', 429: 'Too many session starts from this address; see Retry-After' } })
  @Post('channels/:id/sessions')
  async start(
    @IdParam() id: number,
    @Body() body: StartSessionRequest,
    @Ip() ip: string,
    @Req() request: Request,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('user-agent') userAgent?: string,
    @Headers('x-visitor-token') visitorToken?: string,
    @Headers('referer') referer?: string,
  ): Promise<StartedSession> {
    const channel = await this.channels.get(id);
    await this.limits.sessionStart(ip);
    const address = clientAddress(ip);
    await this.blocks.refuse(tokenHashOf(visitorToken), address);
    return this.sessions.start(channel, {
      acceptLanguage,
      userAgent,
      visitorToken,
      visitorName: body.visitorName?.trim(),
      pageUrl: body.pageUrl ?? referer,
      startKey: body.startKey,
      country: clientCountry(request, this.config.countryHeader),
      address,
      pages: body.pages,
    });
  }

  /** The page the visitor is on now (the widget reports each one): 204; 409 once the session ended. */
  @ApiRoute('Report the page the visitor is on', { status: 204, errors: { 409: 'The session has ended', 429: 'Too many reports; see Retry-After' } })
  @ApiVisitorRoute()
  @Post('sessions/:id/pages')
  @HttpCode(204)
  async reportPage(@IdParam() id: number, @Body() body: PageReportRequest, @Headers('x-visitor-token') visitorToken?: string): Promise<void> {
    const session = await this.sessions.requireVisitorSession(id, visitorToken);
    await this.limits.pageReport(session.id);
    await this.pages.report(session, body);
  }

  @ApiRoute('The whole conversation, oldest first', { returns: ['Message'] })
  @ApiVisitorRoute()
  @Get('sessions/:id/messages')
  async messages(@IdParam() id: number, @Headers('x-visitor-token') visitorToken?: string): Promise<Message[]> {
    return this.sessions.history(await this.sessions.requireVisitorSession(id, visitorToken));
  }

  /** 201 with the stored message; a repeated clientId answers 200 with the first one. */
  @ApiRoute('Send a message; a repeated clientId answers 200 with the message already stored', { status: 201, returns: 'Message', alternatives: { 200: 'The message with this clientId, already stored' }, errors: { 409: 'The session has ended', 429: 'Too many messages; see Retry-After' } })
  @ApiVisitorRoute()
  @Post('sessions/:id/messages')
  async post(@IdParam() id: number, @Body() body: PostMessageDto, @Res({ passthrough: true }) res: Response, @Headers('x-visitor-token') visitorToken?: string): Promise<Message> {
    const session = await this.sessions.requireVisitorSession(id, visitorToken);
    await this.limits.message(session.conversationId);
    const posted = await this.sessions.postAsVisitor(session.conversationId, body.body, body.clientId);
    if (!posted) throw translatableError(409, 'livechat.sessionEnded', { id: session.id });
    if (!posted.created) res.status(200);
    return posted.message;
  }

  /** That visitor, once the session has ended; counted against the session's message limit. */
  @ApiRoute('Rate the ended session (again replaces the rating)', { returns: 'LivechatSessionItem', errors: { 403: 'This visitor is blocked', 409: 'Not ended yet, or nobody answered', 429: 'Too many requests; see Retry-After' } })
  @ApiVisitorRoute()
  @Post('sessions/:id/rating')
  @HttpCode(200)
  async rate(@IdParam() id: number, @Body() body: RateSessionRequest, @Ip() ip: string, @Headers('x-visitor-token') visitorToken?: string): Promise<LivechatSessionItem> {
    const session = await this.sessions.requireVisitorSession(id, visitorToken);
    await this.limits.message(session.conversationId);
    await this.blocks.refuse(session.visitorTokenHash, clientAddress(ip)); // a blocked visitor writes nothing more to the operator
    return this.ratings.rate(session, body.value, body.comment);
  }

  /**
   * That visitor has the conversation mailed to them (ended or not: the messages so far): 202, the mail goes
   * out after the answer. Without SMTP_URL 409. Limited per session, per recipient and per client address.
   */
  @ApiRoute('Have the conversation mailed to the visitor', { status: 202, returns: 'EmailAccepted', errors: { 403: 'This visitor is blocked', 409: 'This server sends no email (SMTP_URL is not set)', 429: 'Too many mails; see Retry-After' } })
  @ApiVisitorRoute()
  @Post('sessions/:id/transcript/email')
  @HttpCode(202)
  async emailTranscript(@IdParam() id: number, @Body() body: EmailTranscriptRequest, @Ip() ip: string, @Headers('x-visitor-token') visitorToken?: string): Promise<{ accepted: true }> {
    const session = await this.sessions.requireVisitorSession(id, visitorToken);
    if (!this.mails.enabled) throw translatableError(409, 'livechat.noEmail');
    await this.limits.transcriptMail(session.id, body.email, ip);
    await this.blocks.refuse(session.visitorTokenHash, clientAddress(ip));
    await this.mails.transcript(await this.channels.get(session.channelId), session, body.email);
    return { accepted: true };
  }

  /** The visitor (X-Visitor-Token), the session's operator or a livechat manager. */
  @ApiRoute('End the session (the visitor, its operator or a live chat manager)', { returns: 'LivechatSessionItem', errors: { 403: 'Neither the operator of this session nor a live chat manager' } })
  @ApiVisitorRoute({ orUser: true })
  @Post('sessions/:id/close')
  @HttpCode(200)
  async close(@IdParam() id: number, @Req() request: Request, @Headers('x-visitor-token') visitorToken?: string): Promise<LivechatSessionItem> {
    if (visitorToken) return this.sessions.close(await this.sessions.requireVisitorSession(id, visitorToken), { kind: 'visitor' });
    const token = tokenOf(request);
    const user = token ? await this.authenticator.authenticate(token) : null;
    if (!user) throw new UnauthorizedException('X-Visitor-Token or a user session is required');
    const session = await this.sessions.get(id);
    if (session.operatorId !== user.id && !user.groups.includes('livechat_manager')) throw translatableError(403, 'livechat.whoCloses');
    return this.sessions.close(session, { kind: 'user', user });
  }
}
