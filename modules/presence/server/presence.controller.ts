import { Controller, Get, Inject } from '@nestjs/common';
import { ApiRoute, APP_CONFIG, type AppConfig } from '@lc/platform/server';
import type { PresenceConfig, PresenceEvent } from '@lc/protocol';
import { PresenceService } from './presence.service';

@Controller('api/presence')
export class PresenceController {
  constructor(
    private readonly presence: PresenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The status of every user who ever connected (others are offline). */
  @ApiRoute('The presence of every user who ever connected (the others are offline)', { returns: ['PresenceEvent'] })
  @Get()
  list(): Promise<PresenceEvent[]> {
    return this.presence.statuses();
  }

  /** How often the shell reports user input: at most every min(60 s, timeout / 3). */
  @ApiRoute('How often the shell reports user input', { returns: 'PresenceConfig' })
  @Get('config')
  settings(): PresenceConfig {
    const timeout = this.config.inactivityTimeoutS;
    return { inactivityTimeoutS: timeout, activityIntervalS: Math.min(60, timeout / 3) };
  }
}
