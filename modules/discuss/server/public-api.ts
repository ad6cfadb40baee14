/** What modules depending on discuss may use. */
export { ConversationsService } from './conversations.service';
export { MessagesService, type Author, type ConversationRef, type MessageText, type PostResult } from './messages.service';
export { DiscussHooks, type GuestAuthorsSql, type LeaveHook, type MessageFactsHook } from './discuss.hooks';
export { messagesReadModel } from './messages-read-model';
export { AuthorNames, type AuthorNameQuery } from './author-names';
export { conversationRoom } from './conversation-rooms';
export { Conversation, Member, MessageRecord } from './entities';
