import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule, VisitorAuthenticator } from '@lc/platform/server';
import { AssignmentService } from './assignment.service';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';
import { LivechatDemoData } from './demo-data';
import { ChannelOperator, LivechatChannel, LivechatSession } from './entities';
import { LivechatSweeper } from './livechat-sweeper';
import { CreateLivechatTables1764000000400 } from './migrations/create-livechat-tables';
import { IndexOperatorAssignments1764000000410 } from './migrations/index-operator-assignments';
import { SessionsService } from './sessions.service';
import { VisitorBridge } from './visitor-bridge';
import { VisitorController } from './visitor.controller';
import { VisitorGateway } from './visitor.gateway';
import { VisitorRateLimits } from './visitor-rate-limits';
import { WidgetController } from './widget.controller';

const entities = [LivechatChannel, ChannelOperator, LivechatSession];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities)],
  entities,
  migrations: [CreateLivechatTables1764000000400, IndexOperatorAssignments1764000000410],
  controllers: [ChannelsController, VisitorController, WidgetController],
  providers: [AssignmentService, SessionsService, ChannelsService, VisitorRateLimits, LivechatSweeper, VisitorBridge, VisitorGateway, { provide: VisitorAuthenticator, useExisting: VisitorBridge }, LivechatDemoData],
  exports: [VisitorAuthenticator],
})
export default class LivechatModule {}
