export type PresenceStatus = 'online' | 'away' | 'offline';

/** Server -> client `presence` event, and an item of GET /api/presence. */
export interface PresenceEvent {
  userId: number;
  status: PresenceStatus;
}


/** GET /api/presence/config: how often the shell reports activity. */
export interface PresenceConfig {
  inactivityTimeoutS: number;
  activityIntervalS: number;
}

/** presence's socket events (see socket-events.ts). */
export interface PresenceServerEvents {
  /** A user's presence changed. */
  presence: PresenceEvent;
}

export interface PresenceClientEvents {
  /** User input in the shell: no payload (or `{}`). */
  activity: Record<string, never>;
}

export interface PresenceClientAcks {
  activity: { ok: true };
}
