import { Body, Controller, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Public, SESSION_COOKIE, tokenOf, type AuthUser } from '@lc/platform/server';
import { LoginDto, type LoginResponse, type Me } from '@lc/protocol';
import { AuthService, SESSION_LIFETIME_MS } from '../auth.service';
import { LoginThrottle } from '../login-throttle';
import { toMeDto, UsersService } from '../users.service';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    await this.throttle.assertAllowed(body.login);
    const user = await this.auth.checkPassword(body.login, body.password);
    if (!user) {
      await this.throttle.recordFailure(body.login);
      throw new UnauthorizedException('Wrong login or password');
    }
    await this.throttle.recordSuccess(body.login);
    const token = await this.auth.issueToken(user.id);
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: request.secure, maxAge: SESSION_LIFETIME_MS, path: '/' });
    return { token, user: toMeDto(user) };
  }

  @Post('auth/logout')
  @HttpCode(200)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ ok: true }> {
    const token = tokenOf(request);
    if (token) await this.auth.revoke(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<Me> {
    return toMeDto(await this.users.get(user.id));
  }
}
