import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';

/** Whether this browser tab is the one the user looks at (visible and focused): read state and notifications depend on it. */
@Injectable({ providedIn: 'root' })
export class TabFocus {
  private readonly document = inject(DOCUMENT);
  readonly focused = signal(this.compute());

  constructor() {
    const update = () => this.focused.set(this.compute());
    const view = this.document.defaultView;
    view?.addEventListener('focus', update);
    view?.addEventListener('blur', update);
    this.document.addEventListener('visibilitychange', update);
  }

  private compute(): boolean {
    return this.document.visibilityState === 'visible' && this.document.hasFocus();
  }
}
