import { defineWebModule } from '@lc/platform/web';

/**
 * The Live Chat app (channels kanban and form, sessions for managers), the Online Chat fields of My
 * Profile → Preferences, and "End conversation" on live chats in Discuss.
 */
export default defineWebModule({
  name: 'livechat',
  routes: [
    { path: 'livechat', pathMatch: 'full', redirectTo: 'livechat/channels' },
    { path: 'livechat/channels', title: 'Channels', loadComponent: () => import('./channels/channels.page') },
    { path: 'livechat/channels/new', title: 'New channel', loadComponent: () => import('./channels/channel-form.page') },
    { path: 'livechat/channels/:id', title: 'Channel', loadComponent: () => import('./channels/channel-form.page') },
    { path: 'livechat/sessions', title: 'Sessions', loadComponent: () => import('./sessions/sessions.page') },
  ],
  slots: {
    preferences: [{ component: () => import('./preferences/livechat-preferences.component').then((m) => m.LivechatPreferencesComponent), sequence: 20 }],
  },
  services: [() => import('./end-conversation.action').then((m) => m.EndConversationAction)],
});
