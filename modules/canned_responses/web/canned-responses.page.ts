import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ControlPanelComponent, matchesSearch, plural, SearchBoxComponent, searchQuery, SessionService } from '@lc/platform/web';
import type { CannedResponseItem } from '../server/dto';
import { CannedResponsesApi } from './canned-responses-api.service';

/** Live Chat → Configuration → Canned Responses: the list view, searched by shortcut or text (kept in the URL, ?q=); a row opens the form. */
@Component({
  selector: 'lc-canned-responses-page',
  imports: [RouterLink, ControlPanelComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-view">
      <lc-control-panel [breadcrumbs]="breadcrumbs">
        <a i18n="@@canned_responses.cannedResponses.new" cpButtons class="btn btn-primary" routerLink="/canned-responses/new">New</a>
        <lc-search-box i18n-placeholder="@@canned_responses.cannedResponses.searchCannedResponses" cpSearch placeholder="Search canned responses..." [(value)]="query" />
      </lc-control-panel>
      <div class="lc-view-body">
        @if (responses() === null) {
          <div i18n="@@canned_responses.cannedResponses.loading" class="lc-loading">Loading…</div>
        } @else {
          <table class="lc-list">
            <thead>
              <tr>
                <th i18n="@@canned_responses.cannedResponses.shortcut">Shortcut</th>
                <th i18n="@@canned_responses.cannedResponses.substitution">Substitution</th>
                @if (isManager()) {
                  <th i18n="@@canned_responses.cannedResponses.owner">Owner</th>
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
            <div class="lc-list-footer">{{ countLabel() }}</div>
          } @else if (query()) {
            <div class="lc-list-empty"><strong i18n="@@canned_responses.cannedResponses.noCannedResponseMatches">No canned response matches "{{ query() // i18n(ph="QUERY") }}"</strong><ng-container i18n="@@canned_responses.cannedResponses.tryAnotherShortcutOr">Try another shortcut or word.</ng-container></div>
          } @else {
            <div class="lc-list-empty">
              <strong i18n="@@canned_responses.cannedResponses.noCannedResponseYet">No canned response yet</strong>
              <ng-container i18n="@@canned_responses.cannedResponses.createShortRepliesWith">Create short replies with a shortcut, then type</ng-container>&ngsp;<code>/</code>&ngsp;<ng-container i18n="@@canned_responses.cannedResponses.or">or</ng-container>&ngsp;<code>:</code>&ngsp;<ng-container i18n="@@canned_responses.cannedResponses.andTheShortcutIn">and the shortcut in a chat to insert one.</ng-container>
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
  protected countLabel(): string {
    return plural($localize`:@@canned_responses.list.count:{count, plural, one {# canned response} other {# canned responses}}`, this.rows().length);
  }
  protected readonly breadcrumbs = [{ label: $localize`:@@canned_responses.title:Canned Responses` }];
  private readonly api = inject(CannedResponsesApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly query = searchQuery();
  protected readonly responses = signal<CannedResponseItem[] | null>(null);
  protected readonly isManager = computed(() => this.session.user()?.groups.includes('livechat_manager') ?? false);
  protected readonly rows = computed(() => {
    const q = this.query().trim().replace(/^[/:]/, ''); // "/hello" or ":hello" as typed in a composer
    return (this.responses() ?? []).filter((r) => matchesSearch(q, r.shortcut, r.body));
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
