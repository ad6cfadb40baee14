import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ConversationActions, NotificationService, SessionService } from '@lc/platform/web';
import type { LivechatConversationItem, LivechatDetails } from '@lc/protocol';
import { LivechatApi } from '../livechat-api.service';
import { TeamworkActions } from './teamwork-actions.service';

const chat = (details: Partial<LivechatDetails>): LivechatConversationItem => ({
  id: 5,
  kind: 'livechat',
  name: 'Camille',
  unreadCount: 0,
  lastMessage: null,
  livechat: { sessionId: 5, status: 'active', visitorName: 'Camille', visitorLanguage: null, visitorCountry: null, operatorId: 2, channelName: 'Website', pageUrl: null, userAgent: null, assignmentReason: null, assignmentSummary: null, rating: null, needsHelp: false, ...details },
});

describe('teamwork actions on a live chat', () => {
  const user = signal<{ id: number; groups: string[] }>({ id: 2, groups: ['livechat_operator'] });
  let actions: ConversationActions;
  let calls: Array<[number, boolean]>;

  beforeEach(() => {
    calls = [];
    TestBed.configureTestingModule({
      providers: [
        { provide: SessionService, useValue: { user, hasGroup: (g: string) => user().groups.includes(g) } },
        { provide: LivechatApi, useValue: { askForHelp: async (id: number, needHelp: boolean) => calls.push([id, needHelp]) } },
        { provide: NotificationService, useValue: { info: () => 0 } },
      ],
    });
    TestBed.inject(TeamworkActions).start();
    actions = TestBed.inject(ConversationActions);
  });
  afterEach(() => TestBed.inject(TeamworkActions).stop());

  const offered = (item: LivechatConversationItem) => actions.for(item).map((a) => a.id);

  it('offers its operator transfer, help and block while the chat runs; the call for help can be taken back', async () => {
    user.set({ id: 2, groups: ['livechat_operator'] });
    expect(offered(chat({}))).toEqual(['livechat.transfer', 'livechat.help', 'livechat.block']);
    expect(offered(chat({ needsHelp: true }))).toEqual(['livechat.transfer', 'livechat.help.cancel', 'livechat.block']);
    expect(offered(chat({ status: 'ended' }))).toEqual([]);
    await actions.for(chat({}))[1].run(chat({}));
    expect(calls).toEqual([[5, true]]);
  });

  it('offers a colleague who joined to help nothing, a manager transfer and block', () => {
    user.set({ id: 3, groups: ['livechat_operator'] });
    expect(offered(chat({}))).toEqual([]);
    user.set({ id: 4, groups: ['livechat_operator', 'livechat_manager'] });
    expect(offered(chat({}))).toEqual(['livechat.transfer', 'livechat.block']);
  });

  it('opens the transfer and block dialogs', async () => {
    user.set({ id: 2, groups: ['livechat_operator'] });
    const teamwork = TestBed.inject(TeamworkActions);
    await actions.for(chat({})).find((a) => a.id === 'livechat.block')!.run(chat({}));
    expect(teamwork.dialog()).toEqual({ kind: 'block', conversation: chat({}) });
  });
});
