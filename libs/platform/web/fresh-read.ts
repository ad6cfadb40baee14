/**
 * A list a page reads from the server and also changes locally (its own actions, socket events): a read
 * that was under way while a local change happened may answer the state from before it, and must not
 * overwrite it. `read` reads again in that case (the change is committed by then); `changed` marks one.
 */
export class FreshRead {
  private changes = 0;

  changed(): void {
    this.changes++;
  }

  /** Resolves with the server's answer once one was read with no local change meanwhile (or after a few tries, the last one). */
  async read<T>(fetch: () => Promise<T>, tries = 3): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const before = this.changes;
      const answer = await fetch();
      if (before === this.changes || attempt >= tries) return answer;
    }
  }
}
