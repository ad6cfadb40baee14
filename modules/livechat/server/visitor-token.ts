import { createHash, randomBytes } from 'node:crypto';

export const newVisitorToken = () => randomBytes(24).toString('base64url');
export const hashVisitorToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** All sockets of one visitor (any session of the token) join this room, to follow sessions started later. */
export const visitorRoom = (tokenHash: string) => `visitor:${tokenHash}`;
