import type { RatingValue, SessionRating } from '@lc/protocol';

/** Odoo's three faces. */
export const RATING_FACES: Record<RatingValue, string> = { 5: '😊', 3: '😐', 1: '😞' };
export const ratingNames = (): Record<RatingValue, string> => ({
  5: $localize`:@@livechat.rating.happy:Happy`,
  3: $localize`:@@livechat.rating.okay:Okay`,
  1: $localize`:@@livechat.rating.unhappy:Unhappy`,
});
export const RATING_FILTER_VALUES = ['5', '3', '1', 'none'];
export const ratingFilters = (): Array<{ value: string; label: string }> => [
  ...([5, 3, 1] as const).map((value) => ({ value: String(value), label: `${RATING_FACES[value]} ${ratingNames()[value]}` })),
  { value: 'none', label: $localize`:@@livechat.rating.notRated:Not rated` },
];

/** "😊 Happy", or "—" before a rating. */
export const ratingText = (rating: SessionRating | null): string => (rating ? `${RATING_FACES[rating.value]} ${ratingNames()[rating.value]}` : '—');

/** The channel card's "82% happy" (Odoo's satisfaction), or null before any rating. */
export const satisfactionText = (satisfaction: number | null): string | null => (satisfaction === null ? null : `${Math.round(satisfaction * 100)}%`);
