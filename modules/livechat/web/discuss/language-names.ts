import { inject, Injectable } from '@angular/core';
import { languageName, SessionService } from '@lc/platform/web';

/** A visitor's language (a BCP 47 code, "fr-FR") or country as a name in the user's language: "French (France)". */
@Injectable({ providedIn: 'root' })
export class LanguageNames {
  private readonly session = inject(SessionService);

  nameOf(code: string | null | undefined): string | null {
    return code ? languageName(code, this.session.user()?.lang) : null;
  }

  /** A country (ISO 3166-1 alpha-2, "CA") by its name in the user's language: "Canada". */
  countryOf(code: string | null | undefined): string | null {
    if (!code) return null;
    try {
      return new Intl.DisplayNames([this.session.user()?.lang?.replace(/_/g, '-') || 'en', 'en'], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
}
