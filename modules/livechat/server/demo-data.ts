import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lc/platform/server';
import { UsersService } from '../../base/server/public-api';
import { DEFAULT_COLORS } from './channels.service';
import { LivechatChannel, OperatorProfile } from './entities';

/** Demo operators (sign in with `marc` / `demo` or `sofia` / `demo`) and their live chat profiles. */
const DEMO_OPERATORS = [
  { login: 'marc', name: 'Marc Demo', lang: 'en-US', groups: ['livechat_operator'], profile: { username: 'Marc', languages: ['fr-FR'] } },
  { login: 'sofia', name: 'Sofía García', lang: 'es-ES', groups: ['livechat_manager'], profile: { username: null, languages: ['en-US'] } },
];
/** Short on purpose, like base's demo `admin`: these accounts are for trying the product, never for a real site. */
const DEMO_PASSWORD = 'demo';

/**
 * With DEMO_DATA, on a new database: a "Website" channel (id 1, embedded by the demo page) and two demo
 * operators with their profiles, created through base's users service.
 */
@Injectable()
export class LivechatDemoData implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData || (await this.db.getRepository(LivechatChannel).count()) > 0) return;
    await this.db.getRepository(LivechatChannel).insert({
      name: 'Website',
      buttonText: 'Chat with us',
      welcomeMessage: 'Hello! How can we help you today?',
      colors: DEFAULT_COLORS,
      maxSessionsPerOperator: 5,
    });
    for (const { profile, ...user } of DEMO_OPERATORS) {
      const existing = await this.users.findByLogin(user.login);
      const { id } = existing ?? (await this.users.create({ ...user, password: DEMO_PASSWORD }));
      await this.db.createQueryBuilder().insert().into(OperatorProfile).values({ userId: id, ...profile }).orIgnore().execute();
    }
  }
}
