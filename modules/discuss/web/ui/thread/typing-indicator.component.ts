import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { plural } from '@lc/platform/web';

/** A private-use character that no name or translation contains. */
const NAME_MARK = '\uE000';

/** "Visitor is typing…" with Odoo's pill of moving dots. */
@Component({
  selector: 'lc-typing-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (parts().length) {
      <span class="lc-typing-dots" aria-hidden="true"><i></i><i></i><i></i></span>
      <span class="lc-typing-text">@for (part of parts(); track $index) {@if (part.name) {<bdi>{{ part.text }}</bdi>} @else {<span>{{ part.text }}</span>}}</span>
    }
  `,
  host: { class: 'lc-typing', role: 'status', 'aria-live': 'polite' },
  styles: `
    :host { display: flex; align-items: center; gap: 6px; min-height: 20px; padding: 0 12px; font-size: 12px; color: var(--lc-gray-600); }
    .lc-typing-text { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .lc-typing-dots { display: inline-flex; gap: 3px; padding: 4px 6px; border-radius: 10px; background: var(--lc-gray-200); }
    .lc-typing-dots i { width: 5px; height: 5px; border-radius: 50%; background: var(--lc-gray-600); animation: lc-typing-bounce 1.2s infinite ease-in-out; }
    .lc-typing-dots i:nth-child(2) { animation-delay: 0.15s; }
    .lc-typing-dots i:nth-child(3) { animation-delay: 0.3s; }
    @keyframes lc-typing-bounce { 0%, 60%, 100% { transform: translateY(0); opacity: 0.5; } 30% { transform: translateY(-3px); opacity: 1; } }
  `,
})
export class TypingIndicatorComponent {
  readonly names = input.required<readonly string[]>();
  /** The sentence, names apart: each name in a <bdi>, so a right-to-left one cannot reorder the rest. */
  protected readonly parts = computed((): Array<{ text: string; name?: true }> => {
    const [first, second, ...rest] = this.names();
    if (!first) return [];
    // The translated sentence decides where the names go: they are marked, then split out.
    const [a, b] = [NAME_MARK + '0', NAME_MARK + '1'];
    const sentence = !second
      ? $localize`:@@discuss.typing.one:${a}:NAME: is typing…`
      : !rest.length
        ? $localize`:@@discuss.typing.two:${a}:NAME: and ${b}:OTHER_NAME: are typing…`
        : plural($localize`:@@discuss.typing.more:${a}:NAME:, ${b}:OTHER_NAME: and {count, plural, one {# other} other {# others}} are typing…`, rest.length);
    return sentence
      .split(new RegExp(`(${NAME_MARK}[01])`))
      .filter(Boolean)
      .map((part) => (part === a ? { text: first, name: true as const } : part === b ? { text: second, name: true as const } : { text: part }));
  });
}
