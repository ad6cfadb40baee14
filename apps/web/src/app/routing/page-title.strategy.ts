import { inject, Injectable } from '@angular/core';
import { TitleStrategy, type RouterStateSnapshot } from '@angular/router';
import { DocumentTitle } from '@lc/platform/web';

export const PRODUCT_NAME = 'Live Chat';

/** "Users - Live Chat": every page's tab says where it is (a route's `title`); DocumentTitle adds counters. */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(DocumentTitle);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.page.set(page ? `${page} - ${PRODUCT_NAME}` : PRODUCT_NAME);
  }
}
