import { inject, Injectable } from '@angular/core';
import { SessionService, type ComposerSuggestion, type ComposerSuggestionQuery, type ComposerSuggestionSource } from '@lc/platform/web';
import { CannedResponsesApi } from './canned-responses-api.service';

const MAX = 8;

/**
 * `/hel` or `:hel` in a composer: the user's canned responses whose shortcut starts with `hel` (then those
 * containing it), each inserting its text. Users who are not live chat operators have none.
 */
@Injectable({ providedIn: 'root' })
export class CannedSuggestions implements ComposerSuggestionSource {
  private readonly api = inject(CannedResponsesApi);
  private readonly session = inject(SessionService);

  async suggest({ term }: ComposerSuggestionQuery): Promise<ComposerSuggestion[]> {
    if (!this.session.hasGroup('livechat_operator')) return [];
    const wanted = term.toLowerCase();
    const me = this.session.user()?.id;
    const matching = (await this.api.cachedList())
      .map((r) => ({ r, rank: r.shortcut.startsWith(wanted) ? 0 : r.shortcut.includes(wanted) ? 1 : 2 }))
      .filter(({ rank }) => rank < 2)
      // Prefix matches first, one's own before colleagues' (managers see everyone's), then alphabetical.
      .sort((a, b) => a.rank - b.rank || Number(b.r.owner.id === me) - Number(a.r.owner.id === me) || a.r.shortcut.localeCompare(b.r.shortcut));
    return matching.slice(0, MAX).map(({ r }) => ({
      key: `canned_responses:${r.id}`,
      label: `/${r.shortcut}`,
      detail: r.owner.id === me ? r.body : `${r.body} — ${r.owner.name}`,
      insert: r.body,
    }));
  }
}
