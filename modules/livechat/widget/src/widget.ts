import { io } from 'socket.io-client';
import { safe } from './core/safe';
import { VisitorChat } from './core/visitor-chat';
import { WidgetView } from './view/widget-view';

/** How often a single-page site's address is checked for a new page (pushState fires no event). */
const PAGE_CHECK_MS = 2000;

/** The widget of one channel: the core given the browser's fetch, storage and socket.io, and the view on it. */
export class Widget {
  private readonly chat: VisitorChat;

  constructor(
    origin: string,
    prefix: string,
    private readonly channelId: number,
  ) {
    this.chat = new VisitorChat(origin + prefix, channelId, {
      fetch: (url, init) => fetch(url, init), // wrapped: fetch called as a method of another object throws "Illegal invocation"
      // Read on each call, inside the core's try: merely touching localStorage throws in some sandboxed frames.
      storage: { getItem: (key) => localStorage.getItem(key), setItem: (key, value) => localStorage.setItem(key, value) },
      openSocket: (visitorToken) => io(origin, { path: prefix + '/socket.io', auth: { visitorToken }, transports: ['websocket', 'polling'], tryAllTransports: true, forceNew: true }),
      pageUrl: () => location.href,
      pageTitle: () => document.title,
      languages: () => (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]),
    });
  }

  async boot(): Promise<void> {
    if (!(await this.chat.loadChannel())) return; // server unreachable or unknown channel: no button at all
    const view = new WidgetView(this.chat, this.channelId);
    window.addEventListener('storage', (e) => safe(() => e.key === this.chat.storageKey && this.chat.followOtherTab()));
    window.addEventListener('online', () => this.chat.online());
    if (this.chat.resume()) view.open(false);
    view.render();
    // Every page the widget is loaded on, and a single-page site's own navigations.
    const notePage = () => safe(() => this.chat.notePage());
    notePage();
    window.addEventListener('popstate', notePage);
    setInterval(notePage, PAGE_CHECK_MS);
  }
}
