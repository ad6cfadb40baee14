import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { NotificationService, RealtimeService, SessionService } from '@lc/platform/web';
import type { HelpRequestItem } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { HelpRequestsStore } from './help-requests.store';

const request = (id: number, operatorId: number): HelpRequestItem =>
  ({ id, channelId: 1, channelName: 'Website', conversationId: id + 100, visitorName: `Visitor #${id}`, operator: { id: operatorId, name: `Op ${operatorId}` }, needsHelp: true }) as HelpRequestItem;

describe('HelpRequestsStore', () => {
  const events = new Map<string, Subject<unknown>>();
  const on = (event: string) => events.get(event) ?? events.set(event, new Subject()).get(event)!;
  let server: HelpRequestItem[];
  let notified: string[];
  let joined: number[];
  let store: HelpRequestsStore;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    events.clear();
    server = [];
    notified = [];
    joined = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: RealtimeService, useValue: { on, connected: new Subject<void>() } },
        { provide: SessionService, useValue: { user: signal({ id: 2 }), hasGroup: () => true } },
        { provide: NotificationService, useValue: { info: (text: string) => notified.push(text) } },
        { provide: LivechatApi, useValue: { helpRequests: async () => [...server], joinSession: async (id: number) => joined.push(id) } },
      ],
    });
    store = TestBed.inject(HelpRequestsStore);
  });
  afterEach(() => store.stop());

  it("lists others' calls for help (mine wait for them), tells of a new one at once, drops one that is over", async () => {
    server = [request(1, 7), request(2, 2)];
    store.start();
    await settle();
    expect(store.requests().map((r) => r.id)).toEqual([1]);
    server.push(request(3, 8));
    on('livechat.help').next({ sessionId: 3, channelId: 1, needHelp: true });
    await settle();
    expect(store.requests().map((r) => r.id)).toEqual([1, 3]);
    expect(notified).toEqual(['Op 8 needs help with Visitor #3 (Website).']);
    on('livechat.help').next({ sessionId: 1, channelId: 1, needHelp: false });
    expect(store.requests().map((r) => r.id)).toEqual([3]);
    await store.join(store.requests()[0]);
    expect(joined).toEqual([3]);
    expect(store.requests()).toEqual([]);
  });

  it('reads them again when I join or leave a channel', async () => {
    store.start();
    await settle();
    server = [request(4, 7)];
    on('livechat.channel').next({ channelId: 1, areYouInside: true });
    await settle();
    expect(store.requests().map((r) => r.id)).toEqual([4]);
  });
});
