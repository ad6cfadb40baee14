import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lc/platform/server';
import { LanguageState } from './entities/language.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './password';

/** Demo operators: sign in with login/password `marc`/`demo` or `sofia`/`demo`. */
const DEMO_USERS = [
  { login: 'marc', name: 'Marc Demo', lang: 'en-US', livechatUsername: 'Marc', livechatLanguages: ['fr-FR'], groups: ['livechat_operator'] as const },
  { login: 'sofia', name: 'Sofía García', lang: 'es-ES', livechatUsername: null, livechatLanguages: ['en-US'], groups: ['livechat_manager'] as const },
];
const DEMO_LANGUAGES = ['fr-FR', 'es-ES', 'de-DE'];

/** First start: the admin user from ADMIN_PASSWORD; with DEMO_DATA, languages and demo operators. */
@Injectable()
export class BaseSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(LanguageState) private readonly languages: Repository<LanguageState>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.existsBy({ login: 'admin' })) return;
    await this.users.save(
      this.users.create({ login: 'admin', name: 'Administrator', passwordHash: await hashPassword(this.config.adminPassword), groups: ['admin'], lang: 'en-US', livechatUsername: null, livechatLanguages: [] }),
    );
    if (!this.config.demoData) return;
    await this.languages.save(DEMO_LANGUAGES.map((code) => ({ code, enabled: true })));
    for (const demo of DEMO_USERS) {
      await this.users.save(this.users.create({ ...demo, groups: [...demo.groups], passwordHash: await hashPassword('demo') }));
    }
  }
}
