import type { OperatorRef } from '@lc/protocol';

/** What visitors see: the Online Chat Name, or the user name when it is empty. */
export function operatorRef(user: { id: number; name: string; livechatUsername: string | null }): OperatorRef {
  return { id: user.id, name: user.livechatUsername || user.name };
}
