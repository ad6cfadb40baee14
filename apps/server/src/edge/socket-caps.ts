/**
 * Open sockets per key (a visitor token, a client address) in this process, within a cap: a visitor's
 * tabs need a few, 300 sockets of one token were 300 event budgets. Counted per process: with several
 * processes behind a sticky load balancer one client stays on one of them.
 */
export class SocketCaps {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a place for `key`, or answers false when it has `max` sockets already. */
  take(key: string): boolean {
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) return false;
    this.open.set(key, count + 1);
    return true;
  }

  release(key: string): void {
    const count = (this.open.get(key) ?? 1) - 1;
    if (count > 0) this.open.set(key, count);
    else this.open.delete(key);
  }
}
