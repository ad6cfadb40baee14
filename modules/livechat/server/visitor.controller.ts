import { Body, Controller, ForbiddenException, Get, Headers, HttpCode, Ip, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticator, IdParam, Public, tokenOf } from '@lc/platform/server';
import { OfflineMessageRequest, PostMessageDto, StartSessionRequest, type LivechatSessionItem, type Message, type PublicChannel, type StartedSession } from '@lc/protocol';
import { SessionsService } from './sessions.service';
import { VisitorRateLimits } from './visitor-rate-limits';

/** The routes the visitor widget calls, without a user session (CORS-enabled for any website). */
@ApiTags('livechat visitor')
@Public()
@Controller('api/livechat')
export class VisitorController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly limits: VisitorRateLimits,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('channels/:id/public')
  publicChannel(@IdParam() id: number): Promise<PublicChannel> {
    return this.sessions.publicChannel(id);
  }

  @Post('channels/:id/offline-messages')
  async offlineMessage(@IdParam() id: number, @Body() body: OfflineMessageRequest, @Ip() ip: string, @Headers('accept-language') acceptLanguage?: string, @Headers('user-agent') userAgent?: string): Promise<LivechatSessionItem> {
    await this.sessions.channel(id);
    await this.limits.sessionStart(ip);
    return this.sessions.offlineMessage(id, body, { acceptLanguage, userAgent });
  }

  @Post('channels/:id/sessions')
  async start(
    @IdParam() id: number,
    @Body() body: StartSessionRequest,
    @Ip() ip: string,
    @Headers('accept-language') acceptLanguage?: string,
    @Headers('user-agent') userAgent?: string,
    @Headers('x-visitor-token') visitorToken?: string,
    @Headers('referer') referer?: string,
  ): Promise<StartedSession> {
    await this.sessions.channel(id);
    await this.limits.sessionStart(ip);
    return this.sessions.start(id, { acceptLanguage, userAgent, visitorToken, visitorName: body.visitorName?.trim(), pageUrl: body.pageUrl ?? referer });
  }

  @Get('sessions/:id/messages')
  async messages(@IdParam() id: number, @Headers('x-visitor-token') visitorToken?: string): Promise<Message[]> {
    return this.sessions.visitorHistory(await this.sessions.requireVisitorSession(id, visitorToken));
  }

  /** 201 with the stored message; a repeated clientId answers 200 with the first one. */
  @Post('sessions/:id/messages')
  async post(@IdParam() id: number, @Body() body: PostMessageDto, @Res({ passthrough: true }) res: Response, @Headers('x-visitor-token') visitorToken?: string): Promise<Message> {
    const session = await this.sessions.requireVisitorSession(id, visitorToken);
    await this.limits.message(session.id);
    const { message, created } = await this.sessions.postAsVisitor(session, body.body, body.clientId);
    if (!created) res.status(200);
    return message;
  }

  /** The visitor (X-Visitor-Token), the session's operator or a livechat manager. */
  @Post('sessions/:id/close')
  @HttpCode(200)
  async close(@IdParam() id: number, @Req() request: Request, @Headers('x-visitor-token') visitorToken?: string): Promise<LivechatSessionItem> {
    if (visitorToken) return this.sessions.close(await this.sessions.requireVisitorSession(id, visitorToken), { kind: 'visitor' });
    const token = tokenOf(request);
    const user = token ? await this.authenticator.authenticate(token) : null;
    if (!user) throw new UnauthorizedException('X-Visitor-Token or a user session is required');
    const session = await this.sessions.get(id);
    if (session.operatorId !== user.id && !user.groups.includes('livechat_manager')) throw new ForbiddenException('Only the visitor, the operator of this session or a live chat manager can close it');
    return this.sessions.close(session, { kind: 'user', user });
  }
}
