import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiRoute, type AuthUser, CurrentUser, Public, tokenOf, translatableErrors } from '@lc/platform/server';
import { ChangePasswordDto, type AuthSetup } from '@lc/protocol';
import { DefaultAdminPassword } from '../default-admin-password';
import { PasswordCheckThrottle } from '../password-check-throttle';
import { UsersService } from '../users.service';

/** The signed-in user's own account, and what the login page shows before anyone signs in. */
@Controller('api')
export class AccountController {
  constructor(
    private readonly users: UsersService,
    private readonly throttle: PasswordCheckThrottle,
    private readonly defaultAdminPassword: DefaultAdminPassword,
  ) {}

  @Public()
  @ApiRoute('What the sign-in page shows before anyone signs in', { returns: 'AuthSetup' })
  @Get('auth/setup')
  async setup(): Promise<AuthSetup> {
    return { adminPasswordIsDefault: await this.defaultAdminPassword.isDefault() };
  }

  /** Ends the user's other sessions (and their sockets); this one keeps working. */
  @ApiRoute('Change your own password (your other sessions and their sockets end)', { returns: 'OkAnswer', errors: { 429: 'Too many wrong current passwords; see Retry-After' } })
  @Post('me/password')
  @HttpCode(200)
  async changePassword(@CurrentUser() me: AuthUser, @Body() body: ChangePasswordDto, @Req() request: Request): Promise<{ ok: true }> {
    await this.throttle.assertAllowed(me.id);
    if (!(await this.users.changeOwnPassword(me.id, body.currentPassword, body.newPassword, tokenOf(request)!))) {
      await this.throttle.recordFailure(me.id);
      throw translatableErrors(400, [{ key: 'base.wrongCurrentPassword', params: {} }]);
    }
    await this.throttle.recordSuccess(me.id);
    return { ok: true };
  }
}
