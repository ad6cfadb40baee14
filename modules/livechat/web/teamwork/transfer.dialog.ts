import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, output, signal } from '@angular/core';
import { DialogComponent, errorMessages, NotificationService, plural, UserAvatarComponent, shownNameOrNull } from '@lc/platform/web';
import type { ConversationItem, TransferOperator, TransferTargets } from '@lc/protocol';
import { LanguageNames } from '../discuss/language-names';
import { livechatOf } from '../discuss/livechat-conversations';
import { LivechatApi } from '../livechat-api.service';

/**
 * "Transfer to…": an operator of the conversation's channel (online, with their ongoing chats and
 * languages, as Odoo shows expertise when inviting) or another channel, whose rules pick someone. Who
 * cannot take it (offline, full) is shown, greyed, with why.
 */
@Component({
  selector: 'lc-transfer-dialog',
  imports: [DialogComponent, UserAvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <lc-dialog [title]="title()" [width]="520" (closed)="closed.emit()">
      @if (error(); as error) {
        <div class="lc-tr-error" role="alert">{{ error }}</div>
      }
      @if (targets(); as targets) {
        @if (targets.operators.length > 6) {
          <input i18n-aria-label="@@livechat.transfer.searchAnOperator2" i18n-placeholder="@@livechat.transfer.searchAnOperator" type="search" class="lc-input lc-tr-search" placeholder="Search an operator…" aria-label="Search an operator" [value]="query()" (input)="query.set($any($event.target).value)" />
        }
        <h5 i18n="@@livechat.transfer.operatorsIn" class="lc-tr-heading">Operators in {{ chat()?.channelName // i18n(ph="CHANNEL_NAME") }}</h5>
        @for (operator of operators(); track operator.id) {
          <div class="lc-tr-row" [class.unavailable]="!!why(operator)" [attr.data-operator-id]="operator.id">
            <lc-user-avatar [name]="operator.name" [userId]="operator.id" [size]="32" />
            <div class="lc-tr-text">
              <div class="lc-tr-name">{{ operator.name }}</div>
              <div class="lc-tr-detail">{{ chats(operator.ongoing) }} · {{ languages(operator) }}</div>
            </div>
            @if (why(operator); as why) {
              <span class="lc-badge lc-badge-muted">{{ why }}</span>
            } @else {
              <button i18n="@@livechat.transfer.transfer" type="button" class="btn btn-primary btn-sm" [disabled]="busy()" (click)="toOperator(operator)">Transfer</button>
            }
          </div>
        } @empty {
          <p class="lc-tr-empty">@if (query()) {<ng-container i18n="@@livechat.transfer.nobodyMatches">Nobody matches.</ng-container>} @else {<ng-container i18n="@@livechat.transfer.noOtherOperator">No other operator is in this channel.</ng-container>}</p>
        }
        @if (targets.channels.length) {
          <h5 i18n="@@livechat.transfer.otherChannels" class="lc-tr-heading">Other channels</h5>
          @for (channel of targets.channels; track channel.id) {
            <div class="lc-tr-row" [attr.data-channel-id]="channel.id">
              <div class="lc-tr-text">
                <div class="lc-tr-name">{{ channel.name }}</div>
                <div class="lc-tr-detail">@if (channel.availableOperators) {{{ available(channel.availableOperators) }}} @else {<ng-container i18n="@@livechat.transfer.nobodyAvailable">Nobody available: the visitor waits in its queue</ng-container>}</div>
              </div>
              <button i18n="@@livechat.transfer.transfer" type="button" class="btn btn-secondary btn-sm" [disabled]="busy()" (click)="toChannel(channel)">Transfer</button>
            </div>
          }
        }
      } @else if (!error()) {
        <div i18n="@@livechat.transfer.loading" class="lc-loading">Loading…</div>
      }
    </lc-dialog>
  `,
  styles: `
    .lc-tr-heading { margin: 12px 0 4px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; color: var(--lc-gray-600); }
    .lc-tr-heading:first-of-type { margin-top: 0; }
    .lc-tr-search { margin-bottom: 8px; }
    .lc-tr-row { display: flex; align-items: center; gap: 10px; padding: 8px 4px; border-bottom: 1px solid var(--lc-gray-100); }
    .lc-tr-row.unavailable .lc-tr-text { opacity: 0.55; }
    .lc-tr-text { flex: 1; min-width: 0; }
    .lc-tr-name { font-weight: 600; color: var(--lc-gray-900); overflow-wrap: anywhere; }
    .lc-tr-detail { font-size: 12px; color: var(--lc-gray-600); }
    .lc-tr-empty { color: var(--lc-gray-600); margin: 4px 0 8px; }
    .lc-tr-error { margin-bottom: 10px; padding: 8px 12px; border-radius: var(--lc-radius); background: #fdecea; color: #a4262c; }
  `,
})
export class TransferDialog implements OnInit {
  protected title(): string {
    return $localize`:@@livechat.transfer.title:Transfer ${shownNameOrNull(this.chat()?.visitorName) ?? ''}:VISITOR:`;
  }
  readonly conversation = input.required<ConversationItem>();
  readonly closed = output<void>();
  private readonly api = inject(LivechatApi);
  private readonly languageNames = inject(LanguageNames);
  private readonly notifications = inject(NotificationService);

  protected readonly chat = computed(() => livechatOf(this.conversation()));
  protected readonly targets = signal<TransferTargets | null>(null);
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly query = signal('');
  /** Who can take it first, then by name. */
  protected readonly operators = computed(() => {
    const q = this.query().trim().toLowerCase();
    return (this.targets()?.operators ?? []).filter((o) => !q || o.name.toLowerCase().includes(q)).sort((a, b) => Number(!!this.why(a)) - Number(!!this.why(b)) || a.name.localeCompare(b.name));
  });

  /** Once the conversation is set (a microtask after the constructor is not always after the inputs: in a @defer block it runs before). */
  ngOnInit(): void {
    void this.load();
  }

  protected why(operator: TransferOperator): string | null {
    return !operator.online ? $localize`:@@livechat.transfer.offline:Offline` : operator.full ? $localize`:@@livechat.transfer.full:Full` : null;
  }

  protected chats(n: number): string {
    return plural($localize`:@@livechat.transfer.chats:{count, plural, =0 {No chat} one {# chat} other {# chats}}`, n);
  }

  protected available(n: number): string {
    return plural($localize`:@@livechat.transfer.operatorsAvailable:{count, plural, one {# operator available} other {# operators available}}`, n);
  }

  protected languages(operator: TransferOperator): string {
    return operator.languages.map((code) => this.languageNames.nameOf(code) ?? code).join(', ');
  }

  protected toOperator(operator: TransferOperator): Promise<void> {
    return this.transfer({ operatorId: operator.id }, $localize`:@@livechat.transfer.nowWith:The conversation is now with ${operator.name}:OPERATOR:.`);
  }

  protected toChannel(channel: { id: number; name: string }): Promise<void> {
    return this.transfer({ channelId: channel.id }, $localize`:@@livechat.transfer.transferredTo:The conversation was transferred to ${channel.name}:CHANNEL:.`);
  }

  private async transfer(to: { operatorId: number } | { channelId: number }, done: string): Promise<void> {
    const chat = this.chat();
    if (!chat || this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    try {
      await this.api.transfer(chat.sessionId, to);
      this.notifications.success(done);
      this.closed.emit();
    } catch (error) {
      // Someone went offline or filled up meanwhile: say so, and show the list as it is now.
      this.error.set(errorMessages(error).join(' '));
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    const chat = this.chat();
    if (!chat) return;
    try {
      this.targets.set(await this.api.transferTargets(chat.sessionId));
    } catch (error) {
      this.error.set(errorMessages(error).join(' '));
    }
  }
}
