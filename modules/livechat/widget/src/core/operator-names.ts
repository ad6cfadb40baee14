import type { MessageAuthor } from '@lc/protocol';

/**
 * The latest name of each operator, so that a rename shows on all their messages. Each name is kept with the
 * point of the conversation it was seen at (a message id; an event counts as just after the last message), so
 * that an older message, merged late, does not bring an old name back.
 */
export class OperatorNames {
  private readonly latest = new Map<number, [name: string, seenAt: number]>();

  note(operator: { id: number | null; name: string }, seenAt: number): void {
    if (operator.id == null || typeof operator.name !== 'string') return;
    const known = this.latest.get(operator.id);
    if (!known || seenAt >= known[1]) this.latest.set(operator.id, [operator.name, seenAt]);
  }

  of(id: number, fallback: string): string {
    const known = this.latest.get(id);
    return known ? known[0] : fallback;
  }

  /** The name to show for an author: the latest one for an operator. */
  display(author: MessageAuthor): string {
    return author.kind === 'user' && author.id != null ? this.of(author.id, author.name) : author.name;
  }
}
