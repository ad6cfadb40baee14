import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiRoute, type AuthUser, CurrentUser, Public, SESSION_COOKIE, tokenOf, translatableError } from '@lc/platform/server';
import { LoginDto, type LoginResponse, type Me } from '@lc/protocol';
import { AuthService, SESSION_LIFETIME_MS } from '../auth.service';
import { LoginThrottle, WrongCredentials } from '../login-throttle';
import { UsersService } from '../users.service';

@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @ApiRoute('Sign in: a bearer token and the HttpOnly session cookie', { returns: 'LoginResponse', errors: { 401: 'Wrong login or password', 429: 'Too many attempts from this address or failures for this login; see Retry-After' } })
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Ip() address: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const user = await this.throttle.attempt(body.login, address, () => this.auth.checkPassword(body.login, body.password)).catch((error) => {
      throw error instanceof WrongCredentials ? translatableError(401, 'base.wrongCredentials') : error;
    });
    const token = await this.auth.issueToken(user.id);
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: request.secure, maxAge: SESSION_LIFETIME_MS, path: '/' });
    return { token, user: await this.users.meOf(user) };
  }

  @ApiRoute('Sign out: the token is revoked, the cookie cleared', { returns: 'OkAnswer' })
  @Post('auth/logout')
  @HttpCode(200)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ ok: true }> {
    const token = tokenOf(request);
    if (token) await this.auth.revoke(token);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  }

  @ApiRoute('The signed-in user, with every module\'s fields of theirs', { returns: 'Me' })
  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<Me> {
    return this.users.me(user.id);
  }
}
