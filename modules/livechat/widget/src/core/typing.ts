/** A "typing" notice is repeated at most this often while the visitor types... */
const REPEAT_MS = 2000;
/** ...and "stopped" is sent after this long without a key. */
const IDLE_MS = 3000;
/** An operator's "typing" is forgotten after this long, in case their "stopped" got lost. */
const OPERATOR_TYPING_MS = 15000;

/** Tells the operator that the visitor is typing, without an event for every key. */
export class TypingNotice {
  private sentAt = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly link: { connected(): boolean; emit(typing: boolean): void }) {}

  typed(): void {
    if (!this.link.connected()) return;
    const now = Date.now();
    if (now - this.sentAt >= REPEAT_MS) {
      this.link.emit(true);
      this.sentAt = now;
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
  }

  stop(): void {
    clearTimeout(this.idle);
    if (this.sentAt && this.link.connected()) this.link.emit(false);
    this.sentAt = 0;
  }
}

/** The operator who is typing now, if any. */
export class OperatorTyping {
  name: string | null = null;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly changed: () => void) {}

  set(name: string | null): void {
    clearTimeout(this.expiry);
    this.name = name;
    this.changed();
    if (name) this.expiry = setTimeout(() => this.set(null), OPERATOR_TYPING_MS);
  }
}
