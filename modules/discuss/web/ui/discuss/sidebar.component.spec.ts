import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { WEB_MODULES, type WebModule } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';
import { ConversationsStore } from '../../data/conversations.store';
import { DiscussSidebarComponent } from './sidebar.component';

const tickets: WebModule = { name: 'tickets', conversationKinds: [{ kind: 'ticket', label: 'Tickets', ended: (c) => c.name.startsWith('Closed') }] };
const item = (id: number, kind: string, name: string, unreadCount = 0): ConversationItem => ({ id, kind, name, unreadCount, lastMessage: null, members: [] });

describe('DiscussSidebarComponent', () => {
  function render(list: ConversationItem[]): HTMLElement {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: WEB_MODULES, useValue: [tickets] }, { provide: ConversationsStore, useValue: { list: signal(list) } }],
    });
    const fixture = TestBed.createComponent(DiscussSidebarComponent);
    fixture.detectChanges();
    return fixture.nativeElement;
  }
  const sections = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('.lc-ds-category')).map((s) => [s.getAttribute('data-category'), s.querySelector('.lc-ds-heading-label')!.textContent!.trim()]);

  const starters = (root: HTMLElement) => Array.from(root.querySelectorAll('.lc-ds-starter')).map((b) => b.textContent!.trim());

  it('hides an empty category, as Odoo does; a first channel or chat can still be started', () => {
    const empty = render([]);
    expect(sections(empty)).toEqual([]);
    expect(starters(empty)).toEqual(['Browse or create channels', 'Start a conversation']);

    const withChannel = render([item(1, 'channel', 'general')]);
    expect(sections(withChannel)).toEqual([['channel', 'Channels']]);
    expect(starters(withChannel)).toEqual(['Start a conversation']);
  });

  it('puts each kind in its section, bold while unread, dimmed once ended; kinds nobody declared under "Other conversations"', () => {
    const root = render([item(1, 'channel', 'general'), item(2, 'ticket', 'Camille', 1), item(3, 'ticket', 'Closed: Jonas'), item(4, 'game', 'Chess club')]);
    expect(sections(root)).toEqual([
      ['channel', 'Channels'],
      ['ticket', 'Tickets'],
      ['other', 'Other conversations'],
    ]);
    const rows = (kind: string) => Array.from(root.querySelectorAll(`[data-category="${kind}"] .lc-ds-row`)).map((r) => [r.querySelector('.lc-ds-name')!.textContent!.trim(), r.classList.contains('unread'), r.classList.contains('ended')]);
    expect(rows('ticket')).toEqual([
      ['Camille', true, false],
      ['Closed: Jonas', false, true],
    ]);
    expect(rows('other')).toEqual([['Chess club', false, false]]);
  });
});
