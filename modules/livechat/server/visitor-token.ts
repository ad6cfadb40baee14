import type { AppSocket, SocketIdentity } from '@lc/platform/server';
import { createHash, randomBytes } from 'node:crypto';

export const newVisitorToken = () => randomBytes(24).toString('base64url');
export const hashVisitorToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** All sockets of one visitor (any session of the token) join this room, to follow sessions started later. */
export const visitorRoom = (tokenHash: string) => `visitor:${tokenHash}`;
/** Every visitor socket of one live chat session joins this room (the `livechat.session` events). */
export const visitorSessionRoom = (sessionId: number) => `visitor-session:${sessionId}`;

/** What the handshake keeps about a visitor socket (its GuestIdentity claims). */
export interface VisitorClaims {
  tokenHash: string;
  sessionIds: number[];
}

/** The visitor's claims, when the socket is a guest of this module. */
export function visitorClaims(socket: AppSocket): VisitorClaims | undefined {
  const data = socket.data as SocketIdentity | undefined;
  return data?.kind === 'visitor' && data.module === LIVECHAT_MODULE ? (data.claims as VisitorClaims) : undefined;
}

/** This module's name, as its manifest says. */
export const LIVECHAT_MODULE = 'livechat';
