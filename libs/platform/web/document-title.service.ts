import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';

/**
 * The browser tab's title: the page's own title (from the router's title strategy) with an optional
 * counter in front, "(2) Discuss - Live Chat", for messages that arrived while the tab was in the background.
 */
@Injectable({ providedIn: 'root' })
export class DocumentTitle {
  private readonly title = inject(Title);
  readonly page = signal(this.title.getTitle());
  readonly counter = signal(0);

  constructor() {
    effect(() => {
      const count = this.counter();
      this.title.setTitle(count > 0 ? `(${count}) ${this.page()}` : this.page());
    });
  }
}
