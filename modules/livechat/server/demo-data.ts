import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@lc/platform/server';
import { DEFAULT_COLORS } from './channels.service';
import { LivechatChannel } from './entities';

/** With DEMO_DATA, a "Website" channel (id 1, embedded by the demo page) on a new database. */
@Injectable()
export class LivechatDemoData implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
  }
}
