import { provideHttpClient } from '@angular/common/http';
import { Component, Injectable, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Me, ModuleInfo } from '@lc/protocol';
import { ComposerSuggestions, ComposerSuggestionsDirective } from './composer-suggestions';
import type { ComposerSuggestionQuery, ComposerSuggestionSource, WebModule } from './contract';
import { SessionService } from './session.service';
import { WEB_MODULES } from './web-modules';

@Injectable({ providedIn: 'root' })
class Greetings implements ComposerSuggestionSource {
  readonly queries: ComposerSuggestionQuery[] = [];
  async suggest(query: ComposerSuggestionQuery) {
    this.queries.push(query);
    return ['hello', 'help', 'goodbye']
      .filter((s) => s.startsWith(query.term))
      .map((s) => ({ key: s, label: `/${s}`, insert: `<${s}>` }));
  }
}

const greetings: WebModule = { name: 'greetings', composerSuggestions: [{ triggers: ['/', ':'], source: async () => Greetings }] };

@Component({
  imports: [ComposerSuggestionsDirective],
  template: `<textarea [lcComposerSuggestions]="7" (input)="text.set($any($event.target).value)" (keydown.enter)="sent.push(text())"></textarea>`,
})
class Host {
  readonly text = signal('');
  readonly sent: string[] = [];
}

describe('composer suggestions', () => {
  let session: SessionService;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), { provide: WEB_MODULES, useValue: [greetings] }] });
    session = TestBed.inject(SessionService);
    session.user.set({ id: 1, login: 'op', name: 'Op', groups: ['user'] } as unknown as Me);
    session.modules.set([{ name: 'greetings', enabled: true } as ModuleInfo]);
  });
  afterEach(() => document.querySelectorAll('lc-composer-suggestion-list').forEach((e) => e.remove()));

  it('matches a trigger at the start of a word only, while its module is enabled', () => {
    const suggestions = TestBed.inject(ComposerSuggestions);
    expect(suggestions.match('/hel', 4)).toEqual({ trigger: '/', term: 'hel', start: 0, end: 4 });
    expect(suggestions.match('see :he', 7)).toEqual({ trigger: ':', term: 'he', start: 4, end: 7 });
    expect(suggestions.match('and/or', 6)).toBeNull();
    expect(suggestions.match('https://x.test/hel', 18)).toBeNull();
    expect(suggestions.match('#tag', 4)).toBeNull();
    session.modules.set([{ name: 'greetings', enabled: false } as ModuleInfo]);
    expect(suggestions.match('/hel', 4)).toBeNull();
  });

  it('lists the suggestions, takes ↓ and Enter from the composer, and inserts through an input event', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const box: HTMLTextAreaElement = fixture.nativeElement.querySelector('textarea');
    type('Hi /he', box);
    const options = await waitForOptions();
    expect(options.map((o) => o.textContent?.trim())).toEqual(['/hello', '/help']);
    expect(TestBed.inject(Greetings).queries.at(-1)).toEqual({ trigger: '/', term: 'he', conversationId: 7 });
    expect(box.getAttribute('aria-expanded')).toBe('true');

    key(box, 'ArrowDown');
    key(box, 'Enter');
    expect(box.value).toBe('Hi <help>');
    expect(fixture.componentInstance.text()).toBe('Hi <help>');
    expect(fixture.componentInstance.sent).toEqual([]); // the composer did not send
    expect(document.querySelector('lc-composer-suggestion-list')).toBeNull();

    key(box, 'Enter');
    expect(fixture.componentInstance.sent).toEqual(['Hi <help>']); // list closed: Enter is the composer's again
  });

  it('closes on Escape and shows nothing for a disabled module', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const box: HTMLTextAreaElement = fixture.nativeElement.querySelector('textarea');
    type(':go', box);
    expect((await waitForOptions()).length).toBe(1);
    key(box, 'Escape');
    expect(document.querySelector('lc-composer-suggestion-list')).toBeNull();
    expect(box.value).toBe(':go');

    session.modules.set([{ name: 'greetings', enabled: false } as ModuleInfo]);
    type(':goo', box);
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector('lc-composer-suggestion-list')).toBeNull();
  });
});

function type(text: string, box: HTMLTextAreaElement): void {
  box.value = text;
  box.setSelectionRange(text.length, text.length);
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

function key(box: HTMLTextAreaElement, name: string): void {
  box.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
}

async function waitForOptions(): Promise<HTMLElement[]> {
  for (let i = 0; i < 50; i++) {
    const options = Array.from(document.querySelectorAll<HTMLElement>('lc-composer-suggestion-list [role="option"]'));
    if (options.length) return options;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no suggestion list');
}
