import { defineWebModule } from '@lc/platform/web';

/** Who may open a page (`data.groups`): the shell shows "Access denied" to the others. */
const ADMINS = { groups: ['admin'] };

/** The Apps and Settings apps; every page is its own lazy chunk. */
export default defineWebModule({
  name: 'base',
  routes: [
    { path: 'apps', title: () => $localize`:@@base.apps.title:Apps`, data: ADMINS, loadComponent: () => import('./apps/apps.page') },
    { path: 'settings', pathMatch: 'full', redirectTo: 'settings/users' },
    { path: 'settings/users', title: () => $localize`:@@base.users.title:Users`, data: ADMINS, loadComponent: () => import('./users/users-list.page') },
    { path: 'settings/users/new', title: () => $localize`:@@base.routes.newUser:New user`, data: ADMINS, loadComponent: () => import('./users/user-form.page') },
    { path: 'settings/users/:id', title: () => $localize`:@@base.routes.user:User`, data: ADMINS, loadComponent: () => import('./users/user-form.page') },
    { path: 'settings/languages', title: () => $localize`:@@base.languages.title:Languages`, data: ADMINS, loadComponent: () => import('./languages/languages.page') },
  ],
});
