import { defineWebModule } from '@lc/platform/web';

/**
 * Canned responses: the list and form under Live Chat → Configuration, and the suggestions typing ":" or
 * "/" opens in every message composer (chat windows, Discuss) while the module is enabled.
 */
export default defineWebModule({
  name: 'canned_responses',
  routes: [
    { path: 'canned-responses', title: () => $localize`:@@canned_responses.title:Canned Responses`, loadComponent: () => import('./canned-responses.page') },
    { path: 'canned-responses/new', title: () => $localize`:@@canned_responses.routes.new:New canned response`, loadComponent: () => import('./canned-response-form.page') },
    { path: 'canned-responses/:id', title: () => $localize`:@@canned_responses.routes.one:Canned response`, loadComponent: () => import('./canned-response-form.page') },
  ],
  composerSuggestions: [{ triggers: ['/', ':'], source: () => import('./canned-suggestions').then((m) => m.CannedSuggestions) }],
});
