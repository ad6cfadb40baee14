import type { LivechatConversationItem, LivechatDetails, Message } from '@lc/protocol';
import { LIVECHAT_CONVERSATIONS as kind } from './livechat-conversations';

const chat = (status: LivechatDetails['status']): LivechatConversationItem => ({
  id: 5,
  kind: 'livechat',
  name: 'Camille',
  unreadCount: 1,
  lastMessage: null,
  livechat: { sessionId: 5, status, visitorName: 'Camille', visitorLanguage: 'fr-FR', visitorCountry: null, operatorId: 2, channelName: 'Website', pageUrl: null, userAgent: null, assignmentReason: null, assignmentSummary: null, rating: null, needsHelp: false },
});

describe('live chats in Discuss', () => {
  it('say where they come from under the name, and when they ended', () => {
    expect(kind.subtitle!(chat('active'))).toBe('Live chat · Website');
    expect(kind.subtitle!(chat('ended'))).toBe('Live chat · Website · Ended');
    const withoutDetails: LivechatConversationItem = { ...chat('active'), livechat: undefined };
    expect(kind.subtitle!(withoutDetails)).toBe('Live chat');
  });

  it('open their window while they run; their operator may leave them only once ended (he ends them)', () => {
    const operator = 2;
    expect([chat('queued'), chat('active'), chat('ended')].map((c) => [kind.opensWindow!(c), kind.ended!(c), kind.canLeave!(c, operator)])).toEqual([
      [true, false, false],
      [true, false, false],
      [false, true, true],
    ]);
  });

  it('may be left while they run by a colleague who joined to help', () => {
    const helper = 3;
    expect(kind.canLeave!(chat('active'), helper)).toBe(true);
  });

  it('title a notification with the visitor alone, as a direct chat', () => {
    expect(kind.notificationTitle!(chat('active'), { author: { kind: 'visitor', id: 5, name: 'Camille' } } as Message)).toBe('Camille');
  });
});
