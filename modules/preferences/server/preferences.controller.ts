import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiRoute, type AuthUser, CurrentUser } from '@lc/platform/server';
import { UpdatePreferencesDto, type Me } from '@lc/protocol';
import { LanguagesService, User, UserFieldsService, UsersService } from '../../base/server/public-api';

@Controller('api/me/preferences')
export class PreferencesController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly languages: LanguagesService,
    private readonly userFields: UserFieldsService,
  ) {}

  /**
   * A user changes only their own preferences: `lang` and every module's user fields. Everything is
   * checked before anything is written, and written in one transaction. Languages must be enabled on the
   * database (a module's own language fields keep the ones already on the profile, see LanguagesService).
   */
  @ApiRoute('Change your preferences: lang and the modules\' user fields', { returns: 'Me' })
  @Patch()
  @ApiBody({ description: '`lang` and the user fields of the modules (see GET /api/me)', schema: { type: 'object' } })
  async update(@CurrentUser() me: AuthUser, @Body() raw: object): Promise<Me> {
    // Not validated by the global pipe (no DTO type here): the body's class is composed at run time.
    const body = await this.userFields.validateBody(UpdatePreferencesDto, raw);
    const writeUserFields = await this.userFields.check(me.id, body);
    const lang = body.lang === undefined ? undefined : (await this.languages.requireEnabled('lang', [body.lang]))[0];
    await this.db.transaction(async (tx) => {
      if (lang !== undefined) await tx.getRepository(User).update({ id: me.id }, { lang });
      await writeUserFields(tx);
    });
    return this.users.me(me.id);
  }
}
