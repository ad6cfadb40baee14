import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ControlPanelComponent, SearchBoxComponent, SessionService } from '@lc/platform/web';
import type { CannedResponseItem } from '../server/dto';
import { CannedResponsesApi } from './canned-responses-api.service';

/** Live Chat → Configuration → Canned Responses: the list view; a row opens the form. */
@Component({
  selector: 'lc-canned-responses-page',
  imports: [RouterLink, ControlPanelComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-view">
      <lc-control-panel [breadcrumbs]="[{ label: 'Canned Responses' }]">
        <a cpButtons class="btn btn-primary" routerLink="/canned-responses/new">New</a>
        <lc-search-box cpSearch placeholder="Search canned responses..." [(value)]="query" />
      </lc-control-panel>
      <div class="lc-view-body">
        @if (responses() === null) {
          <div class="lc-loading">Loading…</div>
        } @else {
          <table class="lc-list">
            <thead>
              <tr>
                <th>Shortcut</th>
                <th>Substitution</th>
                @if (isManager()) {
                  <th>Owner</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (response of rows(); track response.id) {
                <tr class="lc-row-link" tabindex="0" [attr.data-shortcut]="response.shortcut" (click)="open(response)" (keydown.enter)="open(response)">
                  <td class="lc-nowrap"><code>/{{ response.shortcut }}</code></td>
                  <td class="lc-cr-body">{{ response.body }}</td>
                  @if (isManager()) {
                    <td class="lc-cell-muted lc-nowrap">{{ response.owner.name }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
          @if (rows().length) {
            <div class="lc-list-footer">{{ rows().length }} {{ rows().length === 1 ? 'canned response' : 'canned responses' }}</div>
          } @else if (query()) {
            <div class="lc-list-empty"><strong>No canned response matches "{{ query() }}"</strong>Try another shortcut or word.</div>
          } @else {
            <div class="lc-list-empty">
              <strong>No canned response yet</strong>
              Create short replies with a shortcut, then type <code>/</code> or <code>:</code> and the shortcut in a chat to insert one.
            </div>
          }
        }
      </div>
    </div>
  `,
  styles: `
    .lc-cr-body { max-width: 0; width: 100%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
    code { color: var(--lc-primary-active); }
  `,
})
export default class CannedResponsesPage {
  private readonly api = inject(CannedResponsesApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly query = signal('');
  protected readonly responses = signal<CannedResponseItem[] | null>(null);
  protected readonly isManager = computed(() => this.session.user()?.groups.includes('livechat_manager') ?? false);
  protected readonly rows = computed(() => {
    const q = this.query().trim().toLowerCase().replace(/^[/:]/, '');
    return (this.responses() ?? []).filter((r) => !q || r.shortcut.includes(q) || r.body.toLowerCase().includes(q));
  });

  constructor() {
    // On failure the interceptor says why; the list shows empty rather than loading forever.
    void this.api.list().then(
      (responses) => this.responses.set(responses),
      () => this.responses.set([]),
    );
  }

  protected open(response: CannedResponseItem): void {
    void this.router.navigate(['/canned-responses', response.id]);
  }
}
