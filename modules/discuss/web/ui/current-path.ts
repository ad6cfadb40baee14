/** Whether the shell is in Discuss (the dock and the messaging menu behave differently there). */
export const isDiscussPath = (path: string) => path === '/discuss' || path.startsWith('/discuss/');

/** The conversation Discuss shows at this path (/discuss/:id), if any. */
export function discussConversationId(path: string): number | null {
  const id = Number(/^\/discuss\/(\d+)$/.exec(path)?.[1]);
  return Number.isInteger(id) && id > 0 ? id : null;
}
