import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { silentErrors } from '@lc/platform/web';
import type { Language } from '@lc/protocol';

/** Language names by BCP 47 code ("fr-FR" → "French (France)"), loaded once when first needed. */
@Injectable({ providedIn: 'root' })
export class LanguageNames {
  private readonly http = inject(HttpClient);
  private readonly names = signal<ReadonlyMap<string, string>>(new Map());
  private loading?: Promise<void>;

  nameOf(code: string | null | undefined): string | null {
    if (!code) return null;
    void (this.loading ??= this.load());
    return this.names().get(code) ?? this.names().get(code.toLowerCase()) ?? code;
  }

  private async load(): Promise<void> {
    try {
      const languages = await firstValueFrom(this.http.get<Language[]>('/api/languages', { context: silentErrors() }));
      this.names.set(new Map(languages.flatMap((l) => [[l.code, l.name] as [string, string], [l.code.toLowerCase(), l.name] as [string, string]])));
    } catch {
      this.loading = undefined; // try again next time
    }
  }
}
