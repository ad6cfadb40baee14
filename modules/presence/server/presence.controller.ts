import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PresenceEvent } from '@lc/protocol';
import { PresenceService } from './presence.service';

@ApiTags('presence')
@Controller('api/presence')
export class PresenceController {
  constructor(private readonly presence: PresenceService) {}

  /** The status of every user who ever connected (others are offline). */
  @Get()
  list(): Promise<PresenceEvent[]> {
    return this.presence.statuses();
  }
}
