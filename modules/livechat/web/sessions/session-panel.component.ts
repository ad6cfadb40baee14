import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AvatarComponent, ShownNamePipe } from '@lc/platform/web';
import type { LivechatSessionItem } from '@lc/protocol';
import { LanguageNames } from '../discuss/language-names';
import { AssignmentSentencePipe } from './assignment-sentence.pipe';
import { RATING_FACES, ratingNames } from './rating-format';
import { dateTime, duration, STATUS_BADGES, statusLabels } from './session-format';

/** A session's details beside its transcript: the visitor, the operator, the times and the rating. */
@Component({
  selector: 'lc-session-panel',
  imports: [AssignmentSentencePipe, AvatarComponent, ShownNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="lc-sp-head">
      <lc-avatar [name]="session().visitorName" [size]="40" [visitor]="true" />
      <div class="lc-sp-title">
        <div class="lc-sp-name">{{ session().visitorName | shownName }}</div>
        <span class="lc-badge" [class]="badge()">{{ status() }}</span>
      </div>
    </header>
    @if (session().offline) {
      <div class="lc-alert lc-alert-info lc-sp-offline">
        <strong i18n="@@livechat.sessionPanel.offlineMessage">Offline message</strong> <ng-container i18n="@@livechat.sessionPanel.leftWhileNobodyWas">left while nobody was in the channel. Reply by email to</ng-container>
        <a [href]="'mailto:' + session().email">{{ session().email }}</a>.
      </div>
    }
    <!-- An offline message has nobody to rate. -->
    @if (!session().offline) {
    <div class="lc-sp-rating" data-field="rating">
      @if (session().rating; as rating) {
        <span class="lc-sp-face" aria-hidden="true">{{ faces[rating.value] }}</span>
        <div>
          <strong>{{ names[rating.value] }}</strong><span i18n="@@livechat.sessionPanel.rated" class="lc-sp-muted">&nbsp;· rated {{ ratedAt() // i18n(ph="RATED_AT") }}</span>
          @if (rating.comment) {
            <q class="lc-user-text">{{ rating.comment }}</q>
          }
        </div>
      } @else {
        <span i18n="@@livechat.sessionPanel.notRated" class="lc-sp-muted">Not rated</span>
      }
    </div>
    }
    <dl class="lc-sp-fields">
      <dt i18n="@@livechat.sessionPanel.channel">Channel</dt>
      <dd>{{ channelName() || '#' + session().channelId }}</dd>
      <dt i18n="@@livechat.sessionPanel.operator">Operator</dt>
      <dd>@if (session().operator; as operator) {{{ operator.name }}} @else {<ng-container i18n="@@livechat.sessionPanel.nobodyYet">Nobody yet</ng-container>}</dd>
      <dt i18n="@@livechat.sessionPanel.whyThisOperator">Why this operator</dt>
      <dd class="lc-sp-reason" [title]="session().assignmentReason ?? ''">{{ session() | assignmentSentence: '—' }}</dd>
      <dt i18n="@@livechat.sessionPanel.visitorLanguage">Visitor language</dt>
      <dd>{{ language() }}</dd>
      @if (country(); as country) {
        <dt i18n="@@livechat.sessionPanel.country">Country</dt>
        <dd data-field="country">{{ country }}</dd>
      }
      @if (session().email) {
        <dt i18n="@@livechat.sessionPanel.email">Email</dt>
        <dd>{{ session().email }}</dd>
      }
      <dt i18n="@@livechat.sessionPanel.started">Started</dt>
      <dd>{{ started() }}</dd>
      <dt i18n="@@livechat.sessionPanel.ended">Ended</dt>
      <dd>{{ ended() }}</dd>
      <dt i18n="@@livechat.sessionPanel.duration">Duration</dt>
      <dd>{{ length() }}</dd>
      <dt i18n="@@livechat.sessionPanel.messages">Messages</dt>
      <dd>{{ session().messageCount }}</dd>
    </dl>
  `,
  styles: `
    :host { display: block; padding: 16px; background: #fff; border-left: 1px solid var(--lc-gray-300); overflow-y: auto; }
    .lc-sp-head { display: flex; align-items: center; gap: 12px; padding-bottom: 12px; border-bottom: 1px solid var(--lc-gray-200); }
    .lc-sp-title { flex: 1; min-width: 0; }
    .lc-sp-name { font-size: 16px; font-weight: 600; color: var(--lc-gray-900); margin-bottom: 2px; }
    .lc-sp-rating { display: flex; gap: 10px; align-items: flex-start; margin-top: 12px; padding: 10px 12px; border-radius: var(--lc-radius); background: var(--lc-gray-100); font-size: 13px; }
    .lc-sp-face { font-size: 24px; line-height: 1; }
    .lc-sp-rating q { display: block; margin-top: 4px; color: var(--lc-gray-800); overflow-wrap: anywhere; }
    .lc-sp-muted { color: var(--lc-gray-600); }
    .lc-sp-offline { margin-top: 12px; font-size: 13px; }
    .lc-sp-fields { display: grid; grid-template-columns: 130px 1fr; gap: 8px 12px; margin: 14px 0 0; font-size: 13px; }
    .lc-sp-fields dt { color: var(--lc-gray-600); font-weight: 500; }
    .lc-sp-fields dd { margin: 0; color: var(--lc-gray-900); overflow-wrap: anywhere; }
  `,
})
export class SessionPanelComponent {
  readonly session = input.required<LivechatSessionItem>();
  readonly channelName = input('');
  private readonly languages = inject(LanguageNames);

  protected readonly faces = RATING_FACES;
  protected readonly names = ratingNames();
  protected readonly language = computed(() => this.languages.nameOf(this.session().visitorLanguage) ?? $localize`:@@livechat.sessionPanel.unknown:Unknown`);
  protected readonly country = computed(() => this.languages.countryOf(this.session().visitorCountry));
  protected readonly ratedAt = computed(() => (this.session().rating ? dateTime(this.session().rating!.ratedAt) : ''));

  protected readonly status = computed(() => statusLabels()[this.session().status]);
  protected readonly badge = computed(() => `lc-badge ${STATUS_BADGES[this.session().status]}`);
  protected readonly started = computed(() => dateTime(this.session().startedAt));
  protected readonly ended = computed(() => (this.session().endedAt ? dateTime(this.session().endedAt!) : $localize`:@@livechat.sessionPanel.notYet:Not yet`));
  protected readonly length = computed(() => duration(this.session().startedAt, this.session().endedAt, Date.now()));
}
