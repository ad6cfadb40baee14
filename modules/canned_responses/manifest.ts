import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'canned_responses',
  label: 'Canned Responses',
  summary: 'Short replies with a shortcut (/hello, /price…): type ":" or "/" in a chat window or in Discuss to insert one.',
  version: '1.0.0',
  depends: ['discuss'],
  application: false,
  menus: [
    {
      // Grafted into the Live Chat app's Configuration section (shown while livechat is enabled): Live Chat → Configuration → Canned Responses.
      id: 'canned_responses.list',
      parent: 'livechat.configuration',
      label: 'Canned Responses',
      route: '/canned-responses',
      groups: ['livechat_operator'],
    },
  ],
});
