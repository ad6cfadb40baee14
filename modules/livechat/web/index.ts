import { defineWebModule } from '@lc/platform/web';
import { LIVECHAT_CONVERSATIONS } from './discuss/livechat-conversations';

/** Who may open a page (`data.groups`): the shell shows "Access denied" to the others. */
const MANAGERS = { groups: ['livechat_manager'] };

/**
 * The Live Chat app (channels kanban and form, sessions, reporting and blocked visitors for managers), the
 * Online Chat fields of My Profile → Preferences, and live chats in Discuss: their kind (section, header,
 * visitor panel, banner), "Transfer to…", "Ask for help", "Block visitor" and "End conversation", and the
 * conversations looking for help at the top of the messaging menu and of Discuss.
 */
export default defineWebModule({
  name: 'livechat',
  routes: [
    { path: 'livechat', pathMatch: 'full', redirectTo: 'livechat/channels' },
    { path: 'livechat/channels', title: () => $localize`:@@livechat.routes.channels:Channels`, loadComponent: () => import('./channels/channels.page') },
    { path: 'livechat/channels/new', title: () => $localize`:@@livechat.routes.newChannel:New channel`, loadComponent: () => import('./channels/channel-form.page') },
    { path: 'livechat/channels/:id', title: () => $localize`:@@livechat.routes.channel:Channel`, loadComponent: () => import('./channels/channel-form.page') },
    { path: 'livechat/sessions', title: () => $localize`:@@livechat.routes.sessions:Sessions`, loadComponent: () => import('./sessions/sessions.page') },
    { path: 'livechat/sessions/:id', title: () => $localize`:@@livechat.routes.transcript:Transcript`, loadComponent: () => import('./sessions/transcript.page') },
    { path: 'livechat/blocks', title: () => $localize`:@@livechat.routes.blockedVisitors:Blocked visitors`, loadComponent: () => import('./blocks/blocked-visitors.page'), data: { groups: ['livechat_manager'] } },
    { path: 'livechat/reporting', pathMatch: 'full', redirectTo: 'livechat/reporting/sessions' },
    { path: 'livechat/reporting/sessions', title: () => $localize`:@@livechat.reports.sessionStatistics:Session Statistics`, data: { view: 'sessions', ...MANAGERS }, loadComponent: () => import('./reports/reports.page') },
    { path: 'livechat/reporting/operators', title: () => $localize`:@@livechat.reports.operatorAnalysis:Operator Analysis`, data: { view: 'operators', ...MANAGERS }, loadComponent: () => import('./reports/reports.page') },
  ],
  slots: {
    preferences: [{ component: () => import('./preferences/livechat-preferences.component').then((m) => m.LivechatPreferencesComponent), sequence: 20 }],
    systray: [{ component: () => import('./startup').then((m) => m.TeamworkDialogsComponent), sequence: 90 }],
    messagingMenu: [{ component: () => import('./startup').then((m) => m.HelpRequestsComponent) }],
    discussSidebar: [{ component: () => import('./startup').then((m) => m.HelpRequestsComponent) }],
  },
  services: [
    () => import('./startup').then((m) => m.TeamworkActions),
    () => import('./startup').then((m) => m.EndConversationAction),
    () => import('./startup').then((m) => m.HelpRequestsStore),
  ],
  conversationKinds: [LIVECHAT_CONVERSATIONS],
});
