/** What modules depending on discuss may use. */
export { ConversationsService } from './conversations.service';
export { MessagesService, type Author, type ConversationRef } from './messages.service';
export { DiscussHooks } from './discuss.hooks';
export { conversationRoom } from './conversation-rooms';
export { Conversation, Member, MessageRecord } from './entities';
