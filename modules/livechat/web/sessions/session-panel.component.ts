import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { AvatarComponent, IconComponent } from '@lc/platform/web';
import type { LivechatSessionItem } from '@lc/protocol';
import { dateTime, duration, STATUS_BADGES, STATUS_LABELS } from './session-format';

/** A session's details beside the list, for a manager who is not in the conversation. */
@Component({
  selector: 'lc-session-panel',
  imports: [AvatarComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="lc-sp-head">
      <lc-avatar [name]="session().visitorName" [size]="40" />
      <div class="lc-sp-title">
        <div class="lc-sp-name">{{ session().visitorName }}</div>
        <span class="lc-badge" [class]="badge()">{{ status() }}</span>
      </div>
      <button type="button" class="lc-sp-close" aria-label="Close details" (click)="closed.emit()"><lc-icon name="close" [size]="18" /></button>
    </header>
    @if (session().offline) {
      <div class="lc-alert lc-alert-info lc-sp-offline">
        <strong>Offline message</strong> left while nobody was in the channel. Reply by email to
        <a [href]="'mailto:' + session().email">{{ session().email }}</a>.
      </div>
    }
    <dl class="lc-sp-fields">
      <dt>Channel</dt>
      <dd>{{ channelName() || '#' + session().channelId }}</dd>
      <dt>Operator</dt>
      <dd>{{ session().operator?.name ?? 'Nobody yet' }}</dd>
      <dt>Why this operator</dt>
      <dd class="lc-sp-reason">{{ session().assignmentReason ?? '—' }}</dd>
      <dt>Visitor language</dt>
      <dd>{{ session().visitorLanguage ?? 'Unknown' }}</dd>
      @if (session().email) {
        <dt>Email</dt>
        <dd>{{ session().email }}</dd>
      }
      <dt>Started</dt>
      <dd>{{ started() }}</dd>
      <dt>Ended</dt>
      <dd>{{ ended() }}</dd>
      <dt>Duration</dt>
      <dd>{{ length() }}</dd>
      <dt>Messages</dt>
      <dd>{{ session().messageCount }}</dd>
    </dl>
  `,
  styles: `
    :host { display: block; padding: 16px; background: #fff; border-left: 1px solid var(--lc-gray-300); overflow-y: auto; }
    .lc-sp-head { display: flex; align-items: center; gap: 12px; padding-bottom: 12px; border-bottom: 1px solid var(--lc-gray-200); }
    .lc-sp-title { flex: 1; min-width: 0; }
    .lc-sp-name { font-size: 16px; font-weight: 600; color: var(--lc-gray-900); margin-bottom: 2px; }
    .lc-sp-close { padding: 4px; border: 0; background: none; color: var(--lc-gray-600); border-radius: var(--lc-radius); cursor: pointer; }
    .lc-sp-close:hover { background: var(--lc-gray-100); }
    .lc-sp-offline { margin-top: 12px; font-size: 13px; }
    .lc-sp-fields { display: grid; grid-template-columns: 130px 1fr; gap: 8px 12px; margin: 14px 0 0; font-size: 13px; }
    .lc-sp-fields dt { color: var(--lc-gray-600); font-weight: 500; }
    .lc-sp-fields dd { margin: 0; color: var(--lc-gray-900); overflow-wrap: anywhere; }
  `,
})
export class SessionPanelComponent {
  readonly session = input.required<LivechatSessionItem>();
  readonly channelName = input('');
  readonly closed = output<void>();

  protected readonly status = computed(() => STATUS_LABELS[this.session().status]);
  protected readonly badge = computed(() => `lc-badge ${STATUS_BADGES[this.session().status]}`);
  protected readonly started = computed(() => dateTime(this.session().startedAt));
  protected readonly ended = computed(() => (this.session().endedAt ? dateTime(this.session().endedAt!) : 'Not yet'));
  protected readonly length = computed(() => duration(this.session().startedAt, this.session().endedAt, Date.now()));
}
