import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'livechat',
  label: 'Live Chat',
  summary: 'Website live chat: channels operators join, the visitor widget, fair language-aware assignment and a queue.',
  version: '1.0.0',
  depends: ['discuss', 'presence', 'preferences'],
  application: true,
  homepage: '/livechat/demo',
  groups: [
    { id: 'livechat_operator', label: 'Live Chat Operator', description: 'Answers visitors in the channels they join.', implies: ['user'] },
    // Administrators manage live chat too (Odoo's im_livechat adds its manager group under base's Settings group).
    { id: 'livechat_manager', label: 'Live Chat Manager', description: 'Creates channels and sees every session.', implies: ['livechat_operator'], impliedBy: ['admin'] },
  ],
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
        {
          id: 'livechat.reporting',
          label: 'Reporting',
          sequence: 30,
          groups: ['livechat_manager'],
          children: [
            { id: 'livechat.reporting.sessions', label: 'Sessions', route: '/livechat/reporting/sessions', sequence: 10 },
            { id: 'livechat.reporting.operators', label: 'Operators', route: '/livechat/reporting/operators', sequence: 20 },
          ],
        },
        // Canned responses (another module) graft their entry into this section too.
        {
          id: 'livechat.configuration',
          label: 'Configuration',
          sequence: 90,
          children: [{ id: 'livechat.blocks', label: 'Blocked visitors', route: '/livechat/blocks', groups: ['livechat_manager'] }],
        },
      ],
    },
  ],
});
