import { defineWebModule } from '@lc/platform/web';

/** My Profile (from the avatar menu) with its Preferences tab, which other modules extend by the `preferences` slot. */
export default defineWebModule({
  name: 'preferences',
  routes: [{ path: 'profile', title: () => $localize`:@@preferences.title:My Profile`, loadComponent: () => import('./profile/profile.page') }],
});
