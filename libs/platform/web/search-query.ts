import { effect, inject, signal, untracked, type WritableSignal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

/**
 * A list's search text, kept in the URL as `?q=` (a reload or a link keeps it; the other query parameters
 * stay). Bind it to the control panel's box: `<lc-search-box cpSearch [(value)]="query" />`. Call it in
 * the page's injection context (a field initialiser).
 */
export function searchQuery(): WritableSignal<string> {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const query = signal(route.snapshot.queryParamMap.get('q') ?? '');
  effect(() => {
    const q = query().trim() || null;
    untracked(() => void router.navigate([], { relativeTo: route, queryParams: { q }, queryParamsHandling: 'merge', replaceUrl: true }));
  });
  return query;
}

/** Whether a row matches the search: every word of `query` is in one of its texts (case and accents ignored). */
export function matchesSearch(query: string, ...texts: Array<string | null | undefined>): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = texts.filter((t): t is string => !!t).map(fold);
  return words.every((word) => haystack.some((text) => text.includes(word)));
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
