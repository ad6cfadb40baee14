/**
 * Wraps typed text (a name) placed inside a sentence in Unicode's first-strong isolate (U+2068 … U+2069),
 * so that a right-to-left override in it cannot reverse the rest of the sentence, wherever it is shown
 * (the shell, the widget, an email). Shared by server and web, so it lives outside the DTOs.
 */
export const isolateText = (text: string): string => `\u2068${text}\u2069`;

/** The URL if it is an absolute http(s) one, else null: what may be shown as a link. */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
