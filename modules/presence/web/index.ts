import { defineWebModule } from '@lc/platform/web';

/**
 * Presence has no page of its own: it feeds PresenceStore (libs/platform/web), which every avatar's
 * presence dot reads, and paces the activity reporter to the server's inactivity timeout.
 */
export default defineWebModule({
  name: 'presence',
  services: [() => import('./presence-feed.service').then((m) => m.PresenceFeed)],
});
