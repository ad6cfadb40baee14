const warn = (e: unknown) => console.warn('[livechat]', e);

/** Runs a handler so that nothing it throws or rejects escapes to the page. */
export function safe(fn: () => unknown): void {
  try {
    const r: any = fn();
    if (r && typeof r.catch === 'function') r.catch(warn);
  } catch (e) {
    warn(e);
  }
}
