import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lc/platform/server';
import { DefaultAdminPassword } from './default-admin-password';
import { LanguageState } from './entities/language.entity';
import { User } from './entities/user.entity';
import { hashPassword } from './password';

const DEMO_LANGUAGES = ['fr-FR', 'es-ES', 'de-DE', 'zh-CN'];

/**
 * First start: the admin user from ADMIN_PASSWORD; with DEMO_DATA, a few enabled languages (modules add
 * their own demo data, such as operators and a channel). Every
 * start: whether the admin password is still the default, computed once here rather than on a request.
 */
@Injectable()
export class BaseSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(LanguageState) private readonly languages: Repository<LanguageState>,
    private readonly defaultAdminPassword: DefaultAdminPassword,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.users.existsBy({ login: 'admin' }))) await this.seed();
    await this.defaultAdminPassword.isDefault();
  }

  private async seed(): Promise<void> {
    await this.users.save(
      this.users.create({ login: 'admin', name: 'Administrator', passwordHash: await hashPassword(this.config.adminPassword), groups: ['admin'], lang: 'en-US' }),
    );
    if (!this.config.demoData) return;
    await this.languages.save(DEMO_LANGUAGES.map((code) => ({ code, enabled: true })));
  }
}
