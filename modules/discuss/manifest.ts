import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'discuss',
  label: 'Discuss',
  summary: 'Conversations, channels and direct messages, unread state, the messaging menu and chat windows.',
  version: '1.0.0',
  depends: ['base'],
  application: true,
  menus: [{ id: 'discuss', label: 'Discuss', icon: 'discuss', color: '#2c8397', sequence: 10, children: [{ id: 'discuss.inbox', label: 'Discuss', route: '/discuss' }] }],
});
