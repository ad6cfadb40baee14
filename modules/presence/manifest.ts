import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'presence',
  label: 'Presence',
  summary: 'Who is online, away or offline: connections of every server process, activity and the inactivity sweeper.',
  version: '1.0.0',
  depends: ['base'],
  application: false,
  menus: [],
});
