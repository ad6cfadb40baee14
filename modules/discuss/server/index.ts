import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@lc/platform/server';
import { ChannelsController } from './channels.controller';
import { ConversationsService } from './conversations.service';
import { DiscussController } from './discuss.controller';
import { DiscussGateway } from './discuss.gateway';
import { DiscussHooks } from './discuss.hooks';
import { Conversation, Member, MessageRecord } from './entities';
import { MessagesService } from './messages.service';
import { CreateDiscussTables1764000000300 } from './migrations/create-discuss-tables';

const entities = [Conversation, Member, MessageRecord];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities)],
  entities,
  migrations: [CreateDiscussTables1764000000300],
  controllers: [DiscussController, ChannelsController],
  providers: [ConversationsService, MessagesService, DiscussHooks, DiscussGateway],
  exports: [ConversationsService, MessagesService, DiscussHooks],
})
export default class DiscussModule {}
