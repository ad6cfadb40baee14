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
    systray: [{ component: () => import('./startup').then((m) => m.MessagingMenuComponent), sequence: 10 }],
    dock: [{ component: () => import('./startup').then((m) => m.ChatDockComponent) }],
  },
  services: [
    () => import('./startup').then((m) => m.ConversationsStore),
    () => import('./startup').then((m) => m.TypingStore),
    () => import('./startup').then((m) => m.ChatWindowsStore),
    () => import('./startup').then((m) => m.DiscussNotifier),
  ],
});
