import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { SessionService, WEB_MODULES, type WebModule } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';
import { ChatWindowsStore } from './chat-windows.store';
import { ConversationsStore } from './conversations.store';

/** A module's kind whose open conversations need someone, as live chats do. */
const tickets: WebModule = { name: 'tickets', conversationKinds: [{ kind: 'ticket', label: 'Tickets', opensWindow: (c) => !c.name.startsWith('Closed') }] };

describe('ChatWindowsStore', () => {
  const appeared$ = new Subject<ConversationItem>();
  let windows: ChatWindowsStore;

  function setViewportWidth(width: number): void {
    Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
    window.dispatchEvent(new Event('resize'));
  }

  beforeEach(() => {
    localStorage.clear();
    setViewportWidth(900);
    TestBed.configureTestingModule({
      providers: [
        { provide: SessionService, useValue: { user: signal({ id: 2, name: 'Marc' }) } },
        { provide: ConversationsStore, useValue: { loaded: signal(false), conversation: () => undefined, appeared$ } },
        { provide: WEB_MODULES, useValue: [tickets] },
      ],
    });
    windows = TestBed.inject(ChatWindowsStore);
    windows.start();
  });

  afterEach(() => windows.stop());

  it('shows as many 360 px windows as fit, newest on the right, the rest behind "+N"', () => {
    [1, 2, 3].forEach((id) => windows.open(id));
    expect(windows.shown().map((w) => w.conversationId)).toEqual([3, 2]);
    expect(windows.hidden().map((w) => w.conversationId)).toEqual([1]);

    windows.open(1); // chosen from "+N": it comes to the front
    expect(windows.shown().map((w) => w.conversationId)).toEqual([1, 3]);

    setViewportWidth(1600);
    expect(windows.hidden()).toEqual([]);
  });

  it('leaves out the window of the conversation Discuss shows', () => {
    [1, 2].forEach((id) => windows.open(id));
    expect(windows.shownBeside(2).map((w) => w.conversationId)).toEqual([1]);
    expect(windows.shownBeside(null).map((w) => w.conversationId)).toEqual([2, 1]);
  });

  it('opens a window for a new conversation whose kind asks it, without taking the focus', () => {
    const appears = (id: number, kind: string, name: string) => appeared$.next({ id, kind, name, unreadCount: 1, lastMessage: null });
    appears(8, 'ticket', 'Camille');
    appears(9, 'ticket', 'Closed: Jonas');
    appears(10, 'chat', 'Sofía García'); // a colleague's first message: the messaging menu tells, no window
    appears(11, 'unknown', 'Someone'); // a kind nobody declared
    expect(windows.shown().map((w) => w.conversationId)).toEqual([8]);
    expect(windows.focusRequest()).toBeNull();
  });

  it('keeps open and folded windows across a reload, per user', () => {
    windows.open(4);
    windows.open(5);
    windows.toggleFold(4);
    windows.stop();
    windows.start();
    expect(windows.windows()).toEqual([
      { conversationId: 5, folded: false },
      { conversationId: 4, folded: true },
    ]);
  });
});
