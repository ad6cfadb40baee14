import { defineWebModule } from '@lc/platform/web';

/**
 * Discuss: the Discuss app, the systray's messaging menu and the chat windows dock, all reading one
 * ConversationsStore, which runs (with typing, windows and notifications) while the module is enabled.
 */
export default defineWebModule({
  name: 'discuss',
  routes: [
    { path: 'discuss', title: () => $localize`:@@discuss.title:Discuss`, loadComponent: () => import('./ui/discuss/discuss.page') },
    { path: 'discuss/:id', title: () => $localize`:@@discuss.title:Discuss`, loadComponent: () => import('./ui/discuss/discuss.page') },
  ],
  slots: {
    systray: [{ component: () => import('./ui/systray/messaging-menu.component').then((m) => m.MessagingMenuComponent), sequence: 10 }],
    dock: [{ component: () => import('./ui/dock/chat-dock.component').then((m) => m.ChatDockComponent) }],
  },
  services: [
    () => import('./data/conversations.store').then((m) => m.ConversationsStore),
    () => import('./data/typing.store').then((m) => m.TypingStore),
    () => import('./data/chat-windows.store').then((m) => m.ChatWindowsStore),
    () => import('./data/notifier.service').then((m) => m.DiscussNotifier),
  ],
});
