import { Body, Controller, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@lc/platform/server';
import { UpdatePreferencesDto, type Me } from '@lc/protocol';
import { LanguagesService, toMeDto, UsersService } from '../../base/server/public-api';

@ApiTags('preferences')
@Controller('api/me/preferences')
export class PreferencesController {
  constructor(
    private readonly users: UsersService,
    private readonly languages: LanguagesService,
  ) {}

  /**
   * A user changes only their own preferences. Languages must be enabled on the database, except those
   * already on the profile: a language an admin disabled later stays until the user removes it.
   */
  @Patch()
  async update(@CurrentUser() me: AuthUser, @Body() body: UpdatePreferencesDto): Promise<Me> {
    const user = await this.users.get(me.id);
    if (body.livechatLanguages !== undefined) {
      user.livechatLanguages = await this.languages.requireEnabled('livechatLanguages', body.livechatLanguages, user.livechatLanguages);
    }
    if (body.lang !== undefined) user.lang = (await this.languages.requireEnabled('lang', [body.lang]))[0];
    if (body.livechatUsername !== undefined) user.livechatUsername = body.livechatUsername;
    return toMeDto(await this.users.save(user));
  }
}
