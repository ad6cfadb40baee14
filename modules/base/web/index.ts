import { defineWebModule } from '@lc/platform/web';

/** The Apps and Settings apps; every page is its own lazy chunk. */
export default defineWebModule({
  name: 'base',
  routes: [
    { path: 'apps', title: 'Apps', loadComponent: () => import('./apps/apps.page') },
    { path: 'settings', pathMatch: 'full', redirectTo: 'settings/users' },
    { path: 'settings/users', title: 'Users', loadComponent: () => import('./users/users-list.page') },
    { path: 'settings/users/new', title: 'New user', loadComponent: () => import('./users/user-form.page') },
    { path: 'settings/users/:id', title: 'User', loadComponent: () => import('./users/user-form.page') },
    { path: 'settings/languages', title: 'Languages', loadComponent: () => import('./languages/languages.page') },
  ],
});
