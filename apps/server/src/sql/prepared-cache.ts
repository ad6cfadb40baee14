/**
 * Prepared statements by text. Texts are fixed per call site, so this stays small; the bound (oldest out
 * first) only guards against a caller that builds texts.
 */
export class PreparedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly prepare: (text: string) => T, private readonly max = 500) {}

  get(text: string): T {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
      entry = this.prepare(text);
      this.entries.set(text, entry);
    }
    return entry;
  }
}
