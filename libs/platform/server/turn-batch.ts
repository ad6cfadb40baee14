/**
 * Gathers the calls made during one turn of the event loop and runs them as one (a statement for many
 * chat messages instead of one each): under load a turn holds many, at rest it holds one and costs a
 * setImmediate. `run` answers each input in order, with a value or a promise of its own (so that each
 * call can fail alone); if `run` itself throws, every call of that batch gets its error.
 */
export class TurnBatch<I, O> {
  private pending: Array<{ input: I; resolve: (output: O | Promise<O>) => void; reject: (error: unknown) => void }> = [];

  constructor(
    private readonly run: (inputs: I[]) => Promise<Array<O | Promise<O>>>,
    /** Larger turns are cut into batches of this many. */
    private readonly max = 500,
  ) {}

  add(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      if (!this.pending.length) setImmediate(() => this.flush());
      this.pending.push({ input, resolve, reject });
    });
  }

  private flush(): void {
    const all = this.pending;
    this.pending = [];
    for (let at = 0; at < all.length; at += this.max) {
      const batch = all.slice(at, at + this.max);
      this.run(batch.map((call) => call.input)).then(
        (outputs) => batch.forEach((call, i) => call.resolve(outputs[i])),
        (error: unknown) => batch.forEach((call) => call.reject(error)),
      );
    }
  }
}
