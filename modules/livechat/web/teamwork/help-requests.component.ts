import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AvatarComponent, currentPath, IconComponent, ShownNamePipe } from '@lc/platform/web';
import type { HelpRequestItem } from '@lc/protocol';
import { HelpRequestsStore } from './help-requests.store';

/**
 * "Looking for help": the conversations whose operator asked for a hand, with Join. At the top of the
 * messaging menu and of Discuss's sidebar (their slots); nothing at all while there is none.
 */
@Component({
  selector: 'lc-help-requests',
  imports: [AvatarComponent, IconComponent, ShownNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.requests().length) {
      <section i18n-aria-label="@@livechat.helpRequests.lookingForHelp" class="lc-help" aria-label="Looking for help">
        <div class="lc-help-heading"><lc-icon name="lifebuoy" [size]="15" /> <ng-container i18n="@@livechat.helpRequests.lookingForHelp">Looking for help</ng-container></div>
        @for (request of store.requests(); track request.id) {
          <div class="lc-help-row" [attr.data-session-id]="request.id">
            <lc-avatar [name]="request.visitorName" [size]="28" [visitor]="true" />
            <div class="lc-help-text">
              <div class="lc-help-name lc-user-text">{{ request.visitorName | shownName }}</div>
              <div class="lc-help-detail"><span class="lc-user-text">{{ request.operator?.name }}</span> · {{ request.channelName }}</div>
            </div>
            <!-- In the messaging menu, a dropdown item: choosing it closes the menu. -->
            <span class="lc-dropdown-item lc-help-join-wrap">
              <button i18n="@@livechat.helpRequests.join" type="button" class="btn btn-primary btn-sm" [disabled]="joining() === request.id" (click)="join(request)">Join</button>
            </span>
          </div>
        }
      </section>
    }
  `,
  styles: `
    :host { display: block; }
    .lc-help { padding: 6px 0; background: #fff8e6; border-bottom: 1px solid var(--lc-gray-200); }
    .lc-help-heading { display: flex; align-items: center; gap: 6px; padding: 2px 12px 4px; font-size: 11px; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: #8a5a00; }
    .lc-help-row { display: flex; align-items: center; gap: 10px; padding: 6px 12px; }
    .lc-help-text { flex: 1; min-width: 0; }
    .lc-help-name { font-weight: 600; color: var(--lc-gray-900); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .lc-help-detail { font-size: 12px; color: var(--lc-gray-600); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .lc-help-join-wrap { display: contents; }
  `,
})
export class HelpRequestsComponent {
  protected readonly store = inject(HelpRequestsStore);
  private readonly router = inject(Router);
  private readonly path = currentPath();
  private readonly inDiscuss = computed(() => this.path().startsWith('/discuss'));
  protected readonly joining = signal<number | null>(null);

  /** In Discuss the conversation opens there; elsewhere its chat window opens by itself. */
  protected async join(request: HelpRequestItem): Promise<void> {
    this.joining.set(request.id);
    try {
      await this.store.join(request);
      if (this.inDiscuss()) void this.router.navigate(['/discuss', request.conversationId]);
    } catch {
      // The interceptor shows why (the chat ended meanwhile, say).
    } finally {
      this.joining.set(null);
    }
  }
}
