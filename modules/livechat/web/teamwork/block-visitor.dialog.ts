import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DialogComponent, errorMessages, NotificationService, plural, uiLocale, shownNameOrNull, shownName } from '@lc/platform/web';
import type { ConversationItem } from '@lc/protocol';
import { livechatOf } from '../discuss/livechat-conversations';
import { LivechatApi } from '../livechat-api.service';

const DURATIONS = [1, 7, 30, 90, 365];
/** BLOCK_DAYS_DEFAULT and BLOCK_REASON_MAX of libs/protocol, which the shell imports types from only (its values bring class-validator). */
const DEFAULT_DAYS = 30;
const REASON_MAX = 500;

/** "Block visitor": why and for how long (30 days unless chosen); the conversation ends at once. */
@Component({
  selector: 'lc-block-visitor-dialog',
  imports: [DialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-dialog [title]="title()" [width]="460" (closed)="closed.emit()">
      <form id="lc-block-form" (submit)="block($event)">
        <p i18n="@@livechat.blockVisitor.theConversationEndsNow" class="lc-bv-intro">
          The conversation ends now. Until the block ends, this visitor (this browser, and their address) cannot start a chat or leave a message.
        </p>
        <label i18n="@@livechat.blockVisitor.blockFor" class="lc-bv-label" for="lc-block-days">Block for</label>
        <select id="lc-block-days" class="lc-select" [value]="days()" (change)="days.set(+$any($event.target).value)">
          @for (d of durations; track d) {
            <option [value]="d" [selected]="d === days()">{{ dayCount(d) }}</option>
          }
        </select>
        <div i18n="@@livechat.blockVisitor.until" class="lc-bv-until">Until {{ until() // i18n(ph="UNTIL") }}</div>
        <label class="lc-bv-label" for="lc-block-reason"><ng-container i18n="@@livechat.blockVisitor.reason">Reason</ng-container> <span i18n="@@livechat.blockVisitor.optionalForTheManagers" class="text-muted">(optional, for the managers)</span></label>
        <textarea id="lc-block-reason" class="lc-input" rows="3" [attr.maxlength]="reasonMax" [value]="reason()" (input)="reason.set($any($event.target).value)"></textarea>
        @if (error(); as error) {
          <div class="lc-bv-error" role="alert">{{ error }}</div>
        }
      </form>
      <ng-container dialogFooter>
        <button i18n="@@livechat.blockVisitor.block" type="submit" form="lc-block-form" class="btn btn-danger" [disabled]="busy()">Block</button>
        <button i18n="@@livechat.blockVisitor.cancel" type="button" class="btn btn-secondary" (click)="closed.emit()">Cancel</button>
      </ng-container>
    </lc-dialog>
  `,
  styles: `
    .lc-bv-intro { margin: 0 0 12px; color: var(--lc-gray-700); }
    .lc-bv-label { display: block; margin: 10px 0 4px; font-weight: 600; }
    .lc-bv-until { margin-top: 4px; font-size: 12px; color: var(--lc-gray-600); }
    textarea.lc-input { width: 100%; resize: vertical; }
    .lc-bv-error { margin-top: 10px; padding: 8px 12px; border-radius: var(--lc-radius); background: #fdecea; color: #a4262c; }
  `,
})
export class BlockVisitorDialog {
  protected dayCount(days: number): string {
    return plural($localize`:@@livechat.block.days:{count, plural, one {# day} other {# days}}`, days);
  }
  protected title(): string {
    const visitor = shownNameOrNull(this.chat()?.visitorName);
    return visitor ? $localize`:@@livechat.block.title:Block ${visitor}:VISITOR:` : $localize`:@@livechat.block.titleThisVisitor:Block this visitor`;
  }
  readonly conversation = input.required<ConversationItem>();
  readonly closed = output<void>();
  private readonly api = inject(LivechatApi);
  private readonly notifications = inject(NotificationService);

  protected readonly durations = DURATIONS;
  protected readonly reasonMax = REASON_MAX;
  protected readonly chat = computed(() => livechatOf(this.conversation()));
  protected readonly days = signal(DEFAULT_DAYS);
  protected readonly reason = signal('');
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly until = computed(() => new Date(Date.now() + this.days() * 86_400_000).toLocaleDateString(uiLocale(), { day: 'numeric', month: 'long', year: 'numeric' }));

  protected async block(event: Event): Promise<void> {
    event.preventDefault();
    const chat = this.chat();
    if (!chat || this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    try {
      const block = await this.api.block(chat.sessionId, { days: this.days(), reason: this.reason().trim() || undefined });
      const until = new Date(block.until).toLocaleDateString(uiLocale());
      this.notifications.success($localize`:@@livechat.block.blockedUntil:${shownName(chat.visitorName)}:VISITOR: is blocked until ${until}:DATE:.`);
      this.closed.emit();
    } catch (error) {
      this.error.set(errorMessages(error).join(' '));
    } finally {
      this.busy.set(false);
    }
  }
}
