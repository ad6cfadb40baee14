import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@lc/platform/server';
import { ActivityInterceptor } from './activity.interceptor';
import { PresenceConnection, PresenceProcess, UserPresence } from './entities';
import { CreatePresenceTables1764000000200 } from './migrations/create-presence-tables';
import { PresenceController } from './presence.controller';
import { PresenceGateway } from './presence.gateway';
import { PresenceService } from './presence.service';

const entities = [PresenceProcess, PresenceConnection, UserPresence];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities)],
  entities,
  migrations: [CreatePresenceTables1764000000200],
  controllers: [PresenceController],
  providers: [PresenceService, PresenceGateway, { provide: APP_INTERCEPTOR, useClass: ActivityInterceptor }],
  exports: [PresenceService],
})
export default class PresenceModule {}
