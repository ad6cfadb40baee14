import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { BlockVisitorDialog } from './block-visitor.dialog';
import { TeamworkActions } from './teamwork-actions.service';
import { TransferDialog } from './transfer.dialog';

/**
 * Where the teamwork dialogs open: in the systray slot, so that they cover the navbar and the chat windows
 * they were opened from; it takes no room there itself.
 */
@Component({
  selector: 'lc-teamwork-dialogs',
  imports: [BlockVisitorDialog, TransferDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Each dialog's code loads when it first opens: the start-up of every signed-in page does not need it. -->
    @if (actions.dialog(); as dialog) {
      @if (dialog.kind === 'transfer') {
        @defer (on immediate) {
          <lc-transfer-dialog [conversation]="dialog.conversation" (closed)="actions.dialog.set(null)" />
        }
      } @else {
        @defer (on immediate) {
          <lc-block-visitor-dialog [conversation]="dialog.conversation" (closed)="actions.dialog.set(null)" />
        }
      }
    }
  `,
  styles: `:host { display: contents; }`,
})
export class TeamworkDialogsComponent {
  protected readonly actions = inject(TeamworkActions);
}
