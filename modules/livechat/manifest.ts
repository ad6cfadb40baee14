import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'livechat',
  label: 'Live Chat',
  summary: 'Website live chat: channels operators join, the visitor widget, fair language-aware assignment and a queue.',
  version: '1.0.0',
  depends: ['discuss', 'presence', 'preferences'],
  application: true,
  homepage: '/livechat/demo',
  menus: [
    {
      id: 'livechat',
      label: 'Live Chat',
      icon: 'livechat',
      color: '#e46f78',
      sequence: 20,
      groups: ['livechat_operator'],
      children: [
        { id: 'livechat.channels', label: 'Channels', route: '/livechat/channels', sequence: 10 },
        { id: 'livechat.sessions', label: 'Sessions', route: '/livechat/sessions', sequence: 20, groups: ['livechat_manager'] },
      ],
    },
  ],
});
