// What the shell loads for this module as soon as a user is signed in, as ONE chunk: one request and one
// compressed file instead of one per piece (index.ts imports each from here).
export { ConversationsStore } from './data/conversations.store';
export { TypingStore } from './data/typing.store';
export { ChatWindowsStore } from './data/chat-windows.store';
export { DiscussNotifier } from './data/notifier.service';
export { MessagingMenuComponent } from './ui/systray/messaging-menu.component';
export { ChatDockComponent } from './ui/dock/chat-dock.component';
