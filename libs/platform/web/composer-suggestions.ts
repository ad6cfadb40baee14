import {
  ApplicationRef,
  ChangeDetectionStrategy,
  Component,
  createComponent,
  DestroyRef,
  Directive,
  ElementRef,
  EnvironmentInjector,
  inject,
  Injectable,
  Injector,
  input,
  output,
  signal,
  type ComponentRef,
} from '@angular/core';
import type { ComposerSuggestion, ComposerSuggestionProvider, ComposerSuggestionSource } from './contract';
import { SessionService } from './session.service';
import { WEB_MODULES } from './web-modules';

/** The trigger word under the caret: `text.slice(start, end)` is e.g. `/hel`. */
export interface ComposerSuggestionMatch {
  trigger: string;
  term: string;
  start: number;
  end: number;
}

/** At most this many entries are listed (the sources' order, module by module). */
const MAX_SUGGESTIONS = 20;
/** A trigger word is at most this long; longer words are ordinary text. */
const MAX_TERM = 40;

/**
 * The composer extension point (WebModule.composerSuggestions): which enabled module listens to a trigger,
 * and what they suggest. It follows SessionService.enabledModules, so a disabled module's suggestions go
 * at once. Each source is a root service, loaded the first time its trigger is typed.
 */
@Injectable({ providedIn: 'root' })
export class ComposerSuggestions {
  private readonly modules = inject(WEB_MODULES);
  private readonly session = inject(SessionService);
  private readonly injector = inject(Injector);
  private readonly sources = new Map<ComposerSuggestionProvider, Promise<ComposerSuggestionSource>>();

  /** The providers of the enabled modules, while someone is signed in. */
  private providers(): ComposerSuggestionProvider[] {
    if (!this.session.user()) return [];
    const enabled = this.session.enabledModules();
    return this.modules.filter((m) => enabled.has(m.name)).flatMap((m) => m.composerSuggestions ?? []);
  }

  /** The word ending at `caret` when it starts (after a space or at the start) with a trigger some enabled module listens to. */
  match(text: string, caret: number): ComposerSuggestionMatch | null {
    const before = text.slice(0, caret);
    const word = /(?:^|\s)(\S+)$/u.exec(before)?.[1];
    if (!word) return null;
    const trigger = String.fromCodePoint(word.codePointAt(0)!);
    const term = word.slice(trigger.length);
    if (term.length > MAX_TERM || !this.providers().some((p) => p.triggers.includes(trigger))) return null;
    return { trigger, term, start: caret - word.length, end: caret };
  }

  /** What the enabled modules suggest for this trigger word, merged; a failing source is left out. */
  async suggest(match: ComposerSuggestionMatch, conversationId?: number): Promise<ComposerSuggestion[]> {
    const providers = this.providers().filter((p) => p.triggers.includes(match.trigger));
    const lists = await Promise.all(
      providers.map(async (provider) => {
        try {
          const source = await this.source(provider);
          return await source.suggest({ trigger: match.trigger, term: match.term, conversationId });
        } catch (error) {
          console.error('A composer suggestion source failed', error);
          return [];
        }
      }),
    );
    return lists.flat().slice(0, MAX_SUGGESTIONS);
  }

  private source(provider: ComposerSuggestionProvider): Promise<ComposerSuggestionSource> {
    let loading = this.sources.get(provider);
    if (!loading) {
      loading = provider.source().then((type) => this.injector.get(type));
      loading.catch(() => this.sources.delete(provider)); // try again next time
      this.sources.set(provider, loading);
    }
    return loading;
  }
}

let nextListId = 0;

/** The floating list; drawn on document.body so that no overflow or transform of the composer's containers clips it. */
@Component({
  selector: 'lc-composer-suggestion-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul i18n-aria-label="@@base.composerSuggestions.suggestions" class="lc-csl" role="listbox" [id]="listId()" aria-label="Suggestions">
      @for (item of items(); track item.key; let i = $index) {
        <li
          role="option"
          class="lc-csl-item"
          [id]="listId() + '-' + i"
          [class.active]="i === active()"
          [attr.aria-selected]="i === active()"
          (mousedown)="$event.preventDefault()"
          (mouseenter)="hover.emit(i)"
          (click)="pick.emit(i)"
        >
          <span class="lc-csl-label">{{ item.label }}</span>
          @if (item.detail) {
            <span class="lc-csl-detail">{{ item.detail }}</span>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    :host { position: fixed; z-index: 1100; display: block; max-width: 420px; }
    .lc-csl {
      margin: 0; padding: 4px 0; list-style: none; max-height: 240px; overflow-y: auto;
      background: #fff; border: 1px solid rgba(0, 0, 0, 0.12); border-radius: var(--lc-radius, 4px);
      box-shadow: var(--lc-shadow-menu, 0 6px 18px rgba(0, 0, 0, 0.14)); font-size: 14px;
    }
    .lc-csl-item { display: flex; gap: 8px; align-items: baseline; padding: 6px 12px; cursor: pointer; color: var(--lc-gray-800, #343a40); }
    .lc-csl-item.active { background: var(--lc-primary-light, #ece9f3); color: var(--lc-primary-active, #574b7c); }
    .lc-csl-label { flex: none; font-weight: 600; }
    .lc-csl-detail { min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; color: var(--lc-gray-600, #6c757d); }
  `,
})
export class ComposerSuggestionListComponent {
  readonly listId = input.required<string>();
  readonly items = input.required<readonly ComposerSuggestion[]>();
  readonly active = input(0);
  readonly pick = output<number>();
  readonly hover = output<number>();
}

/**
 * Put on a composer's textarea: `<textarea [lcComposerSuggestions]="conversationId" …>`. When a word starts
 * with a trigger of an enabled module, the matching suggestions are listed above the box; ↑/↓ choose,
 * Enter or Tab inserts (replacing the trigger word), Escape closes. While the list is open those keys
 * are the list's: the composer's own Enter (send) does not see them. Inserting fires an `input` event,
 * so the composer's model follows as if the user had typed.
 */
@Directive({
  selector: 'textarea[lcComposerSuggestions], input[lcComposerSuggestions]',
  host: {
    'aria-autocomplete': 'list',
    '[attr.aria-expanded]': 'items().length > 0',
    '[attr.aria-controls]': 'items().length ? listId : null',
    '[attr.aria-activedescendant]': 'items().length ? listId + "-" + active() : null',
    '(input)': 'refresh()',
    '(click)': 'refresh()',
    '(blur)': 'close()',
  },
})
export class ComposerSuggestionsDirective {
  /** The composer's conversation, passed on to the sources. */
  readonly conversationId = input<number | undefined, unknown>(undefined, {
    alias: 'lcComposerSuggestions',
    transform: (value: unknown) => (typeof value === 'number' ? value : undefined),
  });

  private readonly suggestions = inject(ComposerSuggestions);
  private readonly host = inject<ElementRef<HTMLTextAreaElement | HTMLInputElement>>(ElementRef);
  private readonly appRef = inject(ApplicationRef);
  private readonly environment = inject(EnvironmentInjector);
  protected readonly listId = `lc-composer-suggestions-${++nextListId}`;
  protected readonly items = signal<readonly ComposerSuggestion[]>([]);
  protected readonly active = signal(0);
  private match: ComposerSuggestionMatch | null = null;
  private list?: ComponentRef<ComposerSuggestionListComponent>;
  /** Answers of an older query are dropped. */
  private query = 0;

  constructor() {
    const element = this.host.nativeElement;
    // Capture phase: at the target, capturing listeners run before the composer's own (keydown.enter).
    const onKeydown = (event: Event) => this.onKeydown(event as KeyboardEvent);
    element.addEventListener('keydown', onKeydown, { capture: true });
    const onResize = () => this.close();
    window.addEventListener('resize', onResize);
    inject(DestroyRef).onDestroy(() => {
      element.removeEventListener('keydown', onKeydown, { capture: true });
      window.removeEventListener('resize', onResize);
      this.close();
    });
  }

  protected refresh(): void {
    const element = this.host.nativeElement;
    const caret = element.selectionStart ?? element.value.length;
    const match = element.selectionEnd === caret ? this.suggestions.match(element.value, caret) : null;
    const query = ++this.query;
    this.match = match;
    if (!match) return this.close();
    void this.suggestions.suggest(match, this.conversationId()).then((items) => {
      if (query !== this.query) return;
      this.active.set(0);
      this.items.set(items);
      if (items.length) this.show();
      else this.hide();
    });
  }

  close(): void {
    this.query++;
    this.match = null;
    this.items.set([]);
    this.hide();
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.items().length;
    if (!count || event.isComposing) return;
    const take = () => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      take();
      this.active.update((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
      this.show();
    } else if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
      take();
      this.insert(this.active());
    } else if (event.key === 'Escape') {
      take();
      this.close();
    }
  }

  private insert(index: number): void {
    const item = this.items()[index];
    const match = this.match;
    if (!item || !match) return;
    const element = this.host.nativeElement;
    const value = element.value;
    element.value = value.slice(0, match.start) + item.insert + value.slice(match.end);
    const caret = match.start + item.insert.length;
    element.setSelectionRange(caret, caret);
    this.close();
    element.dispatchEvent(new Event('input', { bubbles: true }));
    this.close(); // the input event above asked again for the last word of the inserted text
    element.focus();
  }

  private show(): void {
    if (!this.list) {
      this.list = createComponent(ComposerSuggestionListComponent, { environmentInjector: this.environment });
      this.list.setInput('listId', this.listId);
      this.list.instance.pick.subscribe((index) => this.insert(index));
      this.list.instance.hover.subscribe((index) => {
        this.active.set(index);
        this.show();
      });
      this.appRef.attachView(this.list.hostView);
      document.body.appendChild(this.list.location.nativeElement);
    }
    this.list.setInput('items', this.items());
    this.list.setInput('active', this.active());
    const box = this.host.nativeElement.getBoundingClientRect();
    const style = (this.list.location.nativeElement as HTMLElement).style;
    style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - 424))}px`;
    style.bottom = `${window.innerHeight - box.top + 6}px`;
    style.minWidth = `${Math.min(Math.max(box.width, 240), 420)}px`;
    this.list.changeDetectorRef.detectChanges();
    this.list.location.nativeElement.querySelector('.lc-csl-item.active')?.scrollIntoView?.({ block: 'nearest' });
  }

  private hide(): void {
    this.list?.destroy();
    this.list = undefined;
  }
}
