type Kid = Node | string | null | undefined | false;

/**
 * Creates an element. Strings become text nodes (never parsed as HTML); `on*` props add listeners,
 * `text` sets textContent, `true` sets an empty attribute, null/false/undefined are skipped.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Record<string, any> | null, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const k in props) {
    const v = props[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids) if (kid != null && kid !== false) el.append(kid);
  return el;
}

/** A constant inline SVG icon (our own markup, never user data). */
export function icon(path: string, size = 20): HTMLSpanElement {
  const span = h('span', { class: 'lc-i', 'aria-hidden': 'true' });
  span.innerHTML = `<svg width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;
  return span;
}

export const ICONS = {
  chat: '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z" fill="currentColor" stroke="none"/><circle cx="9" cy="12" r="1.1" fill="var(--lc-bb)" stroke="none"/><circle cx="13" cy="12" r="1.1" fill="var(--lc-bb)" stroke="none"/><circle cx="17" cy="12" r="1.1" fill="var(--lc-bb)" stroke="none"/>',
  down: '<path d="M6 9l6 6 6-6"/>',
  close: '<path d="M18 6L6 18M6 6l12 12"/>',
  send: '<path d="M22 2L11 13M22 2l-7 20-4-9-9-4 20-7z"/>',
  mail: '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>',
  check: '<path d="M20 6L9 17l-5-5"/>',
};
