import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ReportMeasures, SessionsReportRow } from '@lc/protocol';
import { RATING_FACES } from '../sessions/rating-format';
import type { ReportFormat } from './report-format';

/** A report as a table: a row per group with every measure (exact values in the tooltips), the totals at the foot. */
@Component({
  selector: 'lc-report-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="lc-rp-table-wrap">
      <table class="lc-list lc-rp-table">
        <thead>
          <tr>
            <th scope="col">{{ groupName() }}</th>
            <th i18n="@@livechat.reportTable.sessions" scope="col" class="lc-rp-num">Sessions</th>
            <th i18n="@@livechat.reportTable.answered" scope="col" class="lc-rp-num">Answered</th>
            <th i18n="@@livechat.reportTable.missed" scope="col" class="lc-rp-num">Missed</th>
            <th i18n="@@livechat.reportTable.medianFirstAnswer" scope="col" class="lc-rp-num">Median first answer</th>
            <th i18n="@@livechat.reportTable.9In10Answered" scope="col" class="lc-rp-num">9 in 10 answered within</th>
            <th i18n="@@livechat.reportTable.medianDuration" scope="col" class="lc-rp-num">Median duration</th>
            <th i18n="@@livechat.reportTable.messagesPerSession" scope="col" class="lc-rp-num">Messages per session</th>
            <th i18n="@@livechat.reportTable.satisfaction" scope="col" class="lc-rp-num">Satisfaction</th>
            <th i18n-aria-label="@@livechat.reportTable.happy" i18n-title="@@livechat.reportTable.happy" scope="col" class="lc-rp-num" title="Happy" aria-label="Happy">{{ faces[5] }}</th>
            <th i18n-aria-label="@@livechat.reportTable.okay" i18n-title="@@livechat.reportTable.okay" scope="col" class="lc-rp-num" title="Okay" aria-label="Okay">{{ faces[3] }}</th>
            <th i18n-aria-label="@@livechat.reportTable.unhappy" i18n-title="@@livechat.reportTable.unhappy" scope="col" class="lc-rp-num" title="Unhappy" aria-label="Unhappy">{{ faces[1] }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows(); track r.row.key) {
            <tr [attr.data-key]="r.row.key" [class.lc-rp-row-empty]="!r.row.sessions">
              <th scope="row">{{ r.title }}</th>
              <td class="lc-rp-num">{{ format().count(r.row.sessions) }}</td>
              <td class="lc-rp-num">{{ format().count(r.row.answered) }}</td>
              <td class="lc-rp-num">{{ format().count(r.row.missed) }}</td>
              <td class="lc-rp-num" [title]="format().exactSeconds(r.row.medianFirstResponseS) ?? ''">{{ format().duration(r.row.medianFirstResponseS) ?? '—' }}</td>
              <td class="lc-rp-num" [title]="format().exactSeconds(r.row.p90FirstResponseS) ?? ''">{{ format().duration(r.row.p90FirstResponseS) ?? '—' }}</td>
              <td class="lc-rp-num" [title]="format().exactSeconds(r.row.medianDurationS) ?? ''">{{ format().duration(r.row.medianDurationS) ?? '—' }}</td>
              <td class="lc-rp-num">{{ format().messagesPerSession(r.row) ?? '—' }}</td>
              <td class="lc-rp-num">{{ format().percent(r.row.satisfaction) ?? '—' }}</td>
              <td class="lc-rp-num">{{ format().count(r.row.ratings.happy) }}</td>
              <td class="lc-rp-num">{{ format().count(r.row.ratings.okay) }}</td>
              <td class="lc-rp-num">{{ format().count(r.row.ratings.unhappy) }}</td>
            </tr>
          }
        </tbody>
        @if (totals(); as t) {
          <tfoot>
            <tr>
              <th i18n="@@livechat.reportTable.total" scope="row">Total</th>
              <td class="lc-rp-num">{{ format().count(t.sessions) }}</td>
              <td class="lc-rp-num">{{ format().count(t.answered) }}</td>
              <td class="lc-rp-num">{{ format().count(t.missed) }}</td>
              <td class="lc-rp-num" [title]="format().exactSeconds(t.medianFirstResponseS) ?? ''">{{ format().duration(t.medianFirstResponseS) ?? '—' }}</td>
              <td class="lc-rp-num" [title]="format().exactSeconds(t.p90FirstResponseS) ?? ''">{{ format().duration(t.p90FirstResponseS) ?? '—' }}</td>
              <td class="lc-rp-num" [title]="format().exactSeconds(t.medianDurationS) ?? ''">{{ format().duration(t.medianDurationS) ?? '—' }}</td>
              <td class="lc-rp-num">{{ format().messagesPerSession(t) ?? '—' }}</td>
              <td class="lc-rp-num">{{ format().percent(t.satisfaction) ?? '—' }}</td>
              <td class="lc-rp-num">{{ format().count(t.ratings.happy) }}</td>
              <td class="lc-rp-num">{{ format().count(t.ratings.okay) }}</td>
              <td class="lc-rp-num">{{ format().count(t.ratings.unhappy) }}</td>
            </tr>
          </tfoot>
        }
      </table>
    </div>
  `,
  styleUrl: './report-table.component.css',
})
export class ReportTableComponent {
  readonly rows = input.required<Array<{ row: SessionsReportRow; title: string }>>();
  readonly totals = input.required<ReportMeasures>();
  /** The grouping's name, the first column's heading. */
  readonly groupName = input.required<string>();
  readonly format = input.required<ReportFormat>();
  protected readonly faces = RATING_FACES;
}
