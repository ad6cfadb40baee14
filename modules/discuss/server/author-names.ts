import { Injectable } from '@nestjs/common';
import type { Sql } from '@lc/platform/server';
import type { ConversationKind } from '@lc/protocol';

/**
 * A statement reading the name `userId` writes under: at most one row of one column, NULL or '' for their
 * user name. Its text is the same for every user (only its params differ: use the sql tag).
 */
export type AuthorNameQuery = (userId: number) => Sql;

/**
 * Who a user writes as in conversations of one kind when it is not their user name (live chats: the
 * Online Chat Name, kept by the module that owns live chats). The module owning the kind declares it once, at start-up. Discuss
 * reads it inside the one statement that checks a post, so a message costs no statement of its own and
 * a renamed user writes under the new name at once, in every process.
 */
@Injectable()
export class AuthorNames {
  private readonly byKind = new Map<ConversationKind, AuthorNameQuery>();

  /** The CASE text by kind column, built once (a query's text does not depend on the user). */
  private readonly texts = new Map<string, string>();

  declare(kind: ConversationKind, query: AuthorNameQuery): void {
    if (this.byKind.has(kind)) throw new Error(`The author names of "${kind}" conversations are declared twice`);
    this.byKind.set(kind, query);
    this.texts.clear();
  }

  /** A select-list expression: the declared name of `userId` for the kind in `kindColumn`, else NULL. */
  expression(kindColumn: string, userId: number): Sql {
    if (!this.byKind.size) return { text: 'NULL', params: [] };
    const params: Sql['params'] = [];
    const cases: string[] = [];
    for (const [kind, query] of this.byKind) {
      const name = query(userId);
      params.push(kind, ...name.params);
      if (!this.texts.has(kindColumn)) cases.push(`WHEN ? THEN (${name.text})`);
    }
    if (!this.texts.has(kindColumn)) this.texts.set(kindColumn, `CASE ${kindColumn} ${cases.join(' ')} END`);
    return { text: this.texts.get(kindColumn)!, params };
  }
}
