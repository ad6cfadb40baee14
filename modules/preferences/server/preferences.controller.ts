import { Body, Controller, Patch, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiBody, DECORATORS } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiRoute, type AuthUser, CurrentUser } from '@lc/platform/server';
import { UpdatePreferencesDto, type Me } from '@lc/protocol';
import { LanguagesService, User, UserFieldsService, UsersService } from '../../base/server/public-api';

@Controller('api/me/preferences')
export class PreferencesController implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly languages: LanguagesService,
    private readonly userFields: UserFieldsService,
  ) {}

  /**
   * The body is known once every module's UserFields exist: described then, before the API documents are
   * built (on first use), as the class the route validates against.
   */
  onApplicationBootstrap(): void {
    const update = Object.getOwnPropertyDescriptor(PreferencesController.prototype, 'update')!;
    // Another app of the same process (tests) may have described it with its own modules: replace, never add.
    const parameters: Array<{ in?: string }> = Reflect.getMetadata(DECORATORS.API_PARAMETERS, update.value) ?? [];
    Reflect.defineMetadata(DECORATORS.API_PARAMETERS, parameters.filter((p) => p.in !== 'body'), update.value);
    ApiBody({ description: '`lang` and the user fields of the modules (see GET /api/me)', type: this.userFields.bodyType(UpdatePreferencesDto, 'UpdatePreferences') })(PreferencesController.prototype, 'update', update);
  }

  /**
   * A user changes only their own preferences: `lang` and every module's user fields. Everything is
   * checked before anything is written, and written in one transaction. Languages must be enabled on the
   * database (a module's own language fields keep the ones already on the profile, see LanguagesService).
   */
  @ApiRoute('Change your preferences: lang and the modules\' user fields', { returns: 'Me' })
  @Patch()
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
