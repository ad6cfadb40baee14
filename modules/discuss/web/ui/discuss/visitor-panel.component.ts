import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AvatarComponent, IconComponent, SessionService } from '@lc/platform/web';
import type { LivechatDetails } from '@lc/protocol';
import { LanguageNames } from '../../data/language-names';
import { browserName } from '../format';

const STATUS_LABELS: Record<LivechatDetails['status'], string> = { queued: 'Waiting for an operator', active: 'In progress', ended: 'Ended' };

/** Who the visitor is and how they reached us, beside a live chat in Discuss (Odoo's visitor info panel). */
@Component({
  selector: 'lc-visitor-panel',
  imports: [AvatarComponent, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './visitor-panel.component.html',
  styleUrl: './visitor-panel.component.css',
  host: { class: 'lc-visitor-panel', role: 'complementary', 'aria-label': 'Visitor details' },
})
export class VisitorPanelComponent {
  readonly details = input.required<LivechatDetails>();
  private readonly session = inject(SessionService);
  private readonly languages = inject(LanguageNames);

  protected readonly statusLabel = computed(() => STATUS_LABELS[this.details().status]);
  protected readonly language = computed(() => this.languages.nameOf(this.details().visitorLanguage) ?? 'Unknown');
  protected readonly browser = computed(() => browserName(this.details().userAgent));
  /** The name the visitor sees for us: the Online Chat Name, else the user name. */
  protected readonly shownName = computed(() => {
    const user = this.session.user();
    return user?.livechatUsername || user?.name || '';
  });
  protected readonly isMine = computed(() => this.details().operatorId === this.session.user()?.id);
}
