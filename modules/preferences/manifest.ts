import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'preferences',
  label: 'Preferences',
  summary: 'My Profile and its Preferences tab, where other modules add their fields.',
  version: '1.0.0',
  depends: ['base'],
  application: false,
  menus: [],
});
