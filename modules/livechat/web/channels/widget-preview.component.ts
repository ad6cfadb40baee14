import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ChannelColors } from '@lc/protocol';

/** How the channel's widget will look on the website: the chat window header with the welcome message, and the button. */
@Component({
  selector: 'lc-widget-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-wp-window">
      <div class="lc-wp-header" [style.background]="colors().header" [style.color]="colors().headerText">{{ name() || 'Live chat' }}</div>
      <div class="lc-wp-body">
        <div class="lc-wp-bubble">{{ welcomeMessage() || 'Hello! How may I help you?' }}</div>
      </div>
    </div>
    <div class="lc-wp-button" [style.background]="colors().button" [style.color]="colors().buttonText">
      <svg viewBox="0 0 24 24" width="18" height="18" fill="currentColor" aria-hidden="true"><path d="M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z" /></svg>
      {{ buttonText() || 'Chat with us' }}
    </div>
  `,
  styles: `
    :host { display: flex; flex-direction: column; align-items: flex-end; gap: 10px; padding: 16px; border-radius: 6px; background: repeating-linear-gradient(45deg, #f4f5f7, #f4f5f7 10px, #eef0f2 10px, #eef0f2 20px); }
    .lc-wp-window { width: 240px; border-radius: 8px; overflow: hidden; background: #fff; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.14); }
    .lc-wp-header { padding: 10px 12px; font-weight: 600; }
    .lc-wp-body { padding: 12px; min-height: 70px; }
    .lc-wp-bubble { display: inline-block; max-width: 100%; padding: 6px 10px; border-radius: 4px 12px 12px 12px; background: var(--lc-gray-100); border: 1px solid var(--lc-gray-200); font-size: 13px; color: var(--lc-gray-900); white-space: pre-wrap; overflow-wrap: anywhere; }
    .lc-wp-button { display: inline-flex; align-items: center; gap: 8px; padding: 10px 16px; border-radius: 22px; font-weight: 600; box-shadow: 0 4px 12px rgba(0, 0, 0, 0.2); }
  `,
})
export class WidgetPreviewComponent {
  readonly name = input('');
  readonly buttonText = input('');
  readonly welcomeMessage = input('');
  readonly colors = input.required<Required<ChannelColors>>();
}
