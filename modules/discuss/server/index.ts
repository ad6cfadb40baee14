import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformModule } from '@lc/platform/server';
import { AuthorNames } from './author-names';
import { ChannelsController } from './channels.controller';
import { ConversationsService } from './conversations.service';
import { DiscussController } from './discuss.controller';
import { DiscussGateway } from './discuss.gateway';
import { DiscussHooks } from './discuss.hooks';
import { Conversation, Member, MessageRecord } from './entities';
import { MessageStore } from './message-store';
import { MessagesService } from './messages.service';
import { CreateDiscussTables1764000000300 } from './migrations/create-discuss-tables';
import { AddMessageI18n1764000000910 } from './migrations/add-message-i18n';

const entities = [Conversation, Member, MessageRecord];

@PlatformModule({
  imports: [TypeOrmModule.forFeature(entities)],
  entities,
  migrations: [CreateDiscussTables1764000000300, AddMessageI18n1764000000910],
  controllers: [DiscussController, ChannelsController],
  providers: [ConversationsService, MessageStore, MessagesService, DiscussHooks, AuthorNames, DiscussGateway],
  exports: [ConversationsService, MessagesService, DiscussHooks, AuthorNames],
})
export default class DiscussModule {}
