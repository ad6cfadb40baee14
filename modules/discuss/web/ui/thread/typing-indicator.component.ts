import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** "Visitor is typing…" with Odoo's pill of moving dots. */
@Component({
  selector: 'lc-typing-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text()) {
      <span class="lc-typing-dots" aria-hidden="true"><i></i><i></i><i></i></span>
      <span class="lc-typing-text">{{ text() }}</span>
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
  protected readonly text = computed(() => {
    const names = this.names();
    if (!names.length) return '';
    if (names.length === 1) return `${names[0]} is typing…`;
    if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
    return `${names[0]}, ${names[1]} and ${names.length - 2} more are typing…`;
  });
}
