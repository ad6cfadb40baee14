export type PresenceStatus = 'online' | 'away' | 'offline';

/** Server -> client `presence` event, and an item of GET /api/presence. */
export interface PresenceEvent {
  userId: number;
  status: PresenceStatus;
}

/** Socket event names (DESIGN.md, "Socket.io"). */
export const SocketEvents = {
  message: 'message',
  conversation: 'conversation',
  presence: 'presence',
  livechatChannel: 'livechat.channel',
  /** Extension: who is inside a channel now, to every internal user (live kanban cards). */
  livechatChannelOperators: 'livechat.channel.operators',
  livechatSession: 'livechat.session',
  typing: 'typing',
  activity: 'activity',
} as const;

/** GET /api/presence/config: how often the shell reports activity. */
export interface PresenceConfig {
  inactivityTimeoutS: number;
  activityIntervalS: number;
}
