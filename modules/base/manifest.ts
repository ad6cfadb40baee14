import { defineModule } from '@lc/platform';

export default defineModule({
  name: 'base',
  label: 'Base',
  summary: 'Users, groups, sign-in, languages, menus and the Apps and Settings apps.',
  version: '1.0.0',
  depends: [],
  application: false,
  required: true, // users, sign-in and Apps itself: switching it off would lock everyone out
  groups: [
    { id: 'user', label: 'Internal User', description: 'Signs in to the shell.', everyone: true },
    { id: 'admin', label: 'Administrator', description: 'Users, languages, apps and every setting.', implies: ['user'] },
  ],
  menus: [
    {
      id: 'base.apps',
      label: 'Apps',
      icon: 'apps',
      color: '#875a7b',
      sequence: 90,
      groups: ['admin'],
      children: [{ id: 'base.apps.list', label: 'Apps', route: '/apps' }],
    },
    {
      id: 'base.settings',
      label: 'Settings',
      icon: 'settings',
      color: '#6c757d',
      sequence: 100,
      groups: ['admin'],
      children: [
        {
          id: 'base.settings.users_companies',
          label: 'Users & Languages',
          children: [
            { id: 'base.settings.users', label: 'Users', route: '/settings/users' },
            { id: 'base.settings.languages', label: 'Languages', route: '/settings/languages' },
          ],
        },
      ],
    },
  ],
});
