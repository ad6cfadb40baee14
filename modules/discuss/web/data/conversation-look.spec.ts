import { TestBed } from '@angular/core/testing';
import { PresenceStore, WEB_MODULES, type WebModule } from '@lc/platform/web';
import type { ConversationItem, Message } from '@lc/protocol';
import { ConversationLook } from './conversation-look';

const ticketPanel = async () => class TicketPanel {};
/** A module that brings a kind of conversation, the way livechat brings its own. */
const tickets: WebModule = {
  name: 'tickets',
  conversationKinds: [
    {
      kind: 'ticket',
      label: 'Tickets',
      sequence: 20,
      subtitle: (c) => `Ticket · ${c.name}`,
      ended: (c) => c.name.startsWith('Closed'),
      canLeave: (c) => c.name.startsWith('Closed'),
      emptyPreview: 'Waiting for the customer',
      notificationTitle: (_c, m) => m.author.name,
      panel: { label: 'Customer', component: ticketPanel },
    },
  ],
};
const polls: WebModule = { name: 'polls', conversationKinds: [{ kind: 'poll', label: 'Polls', sequence: 10 }] };

const item = (kind: string, name = 'Camille', members: ConversationItem['members'] = []): ConversationItem => ({ id: 1, kind, name, unreadCount: 0, lastMessage: null, members });
const message = { author: { kind: 'user', id: 3, name: 'Ann' } } as Message;

describe('ConversationLook', () => {
  let look: ConversationLook;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: WEB_MODULES, useValue: [tickets, polls] }] });
    look = TestBed.inject(ConversationLook);
  });

  it('lists the declared kinds in their order, and knows them besides its own', () => {
    expect(look.declared.map((v) => v.kind)).toEqual(['poll', 'ticket']);
    expect(['channel', 'chat', 'ticket', 'poll', 'game'].filter((k) => look.knows(k))).toEqual(['channel', 'chat', 'ticket', 'poll']);
  });

  it('shows a declared kind as it says', () => {
    const open = item('ticket');
    const closed = item('ticket', 'Closed: Jonas');
    expect(look.subtitle(open)).toBe('Ticket · Camille');
    expect([look.ended(open), look.ended(closed)]).toEqual([false, true]);
    expect([look.canLeave(open), look.canLeave(closed)]).toEqual([false, true]);
    expect(look.emptyPreview(open)).toBe('Waiting for the customer');
    expect(look.notificationTitle(open, message)).toBe('Ann');
    expect(look.panel(open)?.label).toBe('Customer');
    expect(look.banner(open)).toBeUndefined();
  });

  it('gives a kind nobody declared the generic look', () => {
    const other = item('game', 'Chess club');
    expect([look.subtitle(other), look.ended(other), look.canLeave(other), look.opensWindow(other)]).toEqual(['', false, true, false]);
    expect(look.emptyPreview(other)).toBe('No message yet');
    expect(look.notificationTitle(other, message)).toBe('Ann in Chess club');
    expect(look.panel(other)).toBeUndefined();
  });

  it('keeps its own kinds: "#" for channels, the colleague\'s presence for chats', () => {
    TestBed.inject(PresenceStore).replaceAll([{ userId: 4, status: 'away' }]);
    expect(look.title(item('channel', 'general'))).toBe('#general');
    expect(look.subtitle(item('channel', 'general', [{ id: 4, name: 'Sofía' }]))).toBe('2 members');
    expect(look.subtitle(item('chat', 'Sofía', [{ id: 4, name: 'Sofía' }]))).toBe('Away');
    expect(look.notificationTitle(item('channel', 'general'), message)).toBe('Ann in #general');
    expect(look.notificationTitle(item('chat', 'Sofía'), message)).toBe('Ann');
  });
});
