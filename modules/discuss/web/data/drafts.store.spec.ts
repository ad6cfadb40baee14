import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SessionService } from '@lc/platform/web';
import { DraftsStore } from './drafts.store';

describe('DraftsStore', () => {
  const user = signal<{ id: number; name: string } | null>({ id: 2, name: 'Marc' });

  function fresh(): DraftsStore {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: SessionService, useValue: { user } }] });
    return TestBed.inject(DraftsStore);
  }

  beforeEach(() => {
    localStorage.clear();
    user.set({ id: 2, name: 'Marc' });
  });

  it('keeps one draft per conversation, across a reload', () => {
    const drafts = fresh();
    drafts.set(7, 'Hello, I will check');
    drafts.set(8, 'Other chat');
    expect(drafts.draft(7)).toBe('Hello, I will check');

    const reloaded = fresh();
    expect(reloaded.draft(7)).toBe('Hello, I will check');
    expect(reloaded.draft(8)).toBe('Other chat');
    expect(reloaded.draft(9)).toBe('');
  });

  it('is cleared when the message is sent, also from storage', () => {
    const drafts = fresh();
    drafts.set(7, 'Sent soon');
    drafts.clear(7);
    expect(drafts.draft(7)).toBe('');
    expect(fresh().draft(7)).toBe('');
    expect(localStorage.length).toBe(0);
  });

  it('belongs to the user who typed it', () => {
    fresh().set(7, "Marc's reply");
    user.set({ id: 3, name: 'Sofía' });
    const drafts = fresh();
    expect(drafts.draft(7)).toBe('');
    drafts.set(7, 'Mine');
    user.set({ id: 2, name: 'Marc' });
    expect(fresh().draft(7)).toBe("Marc's reply");
  });

  it('is read reactively: every composer of the conversation shows what one of them types', () => {
    const drafts = fresh();
    const shown = computed(() => drafts.draft(7));
    expect(shown()).toBe('');
    drafts.set(7, 'Typed in the chat window');
    expect(shown()).toBe('Typed in the chat window');
  });
});
