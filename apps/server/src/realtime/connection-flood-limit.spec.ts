import type { Socket } from 'socket.io';
import { ConnectionFloodLimit } from './connection-flood-limit';

describe('ConnectionFloodLimit', () => {
  const socket = () => ({}) as Socket;

  it('lets the allowed number through in a window opened by the first event, then refuses until it closes', () => {
    const limit = new ConnectionFloodLimit(3);
    const a = socket();
    expect([0, 10, 20, 30, 999].map((at) => limit.admit(a, 1000 + at))).toEqual([true, true, true, false, false]);
    expect(limit.admit(a, 2000)).toBe(true); // 1000 ms after the window opened: a new one
    expect([2001, 2002, 2003].map((at) => limit.admit(a, at))).toEqual([true, true, false]);
  });

  it('counts each connection on its own', () => {
    const limit = new ConnectionFloodLimit(1);
    const [a, b] = [socket(), socket()];
    expect([limit.admit(a, 0), limit.admit(b, 0), limit.admit(a, 1), limit.admit(b, 1)]).toEqual([true, true, false, false]);
  });
});
