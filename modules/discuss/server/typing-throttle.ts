/**
 * Typing notices relayed at most `perSecond` a second per author and conversation, however many sockets or
 * events the author sends: within a window only the latest state is kept, and goes out when it closes, so
 * the final "stopped typing" is never lost.
 */
export class TypingThrottle {
  private readonly windows = new Map<string, { latest?: () => void }>();
  private readonly windowMs: number;

  constructor(perSecond: number) {
    this.windowMs = 1000 / perSecond;
  }

  relay(key: string, send: () => void): void {
    const open = this.windows.get(key);
    if (open) {
      open.latest = send;
      return;
    }
    send();
    this.openWindow(key);
  }

  private openWindow(key: string): void {
    const window: { latest?: () => void } = {};
    this.windows.set(key, window);
    setTimeout(() => {
      this.windows.delete(key);
      if (window.latest) this.relay(key, window.latest);
    }, this.windowMs).unref();
  }
}
