import { Pipe, type PipeTransform } from '@angular/core';

/**
 * A name the server stores in English, in the user's language: "Visitor #12" (a visitor who gave no name: their
 * conversation's name and their messages' author) and "System" (the author of system messages). Any other name
 * is someone's own and shows as it is. The API keeps the stored names.
 */
export function shownName(name: string, kind?: string): string {
  if (kind === 'system' && name === 'System') return $localize`:@@base.names.system:System`;
  const visitor = /^Visitor #(\d+)$/.exec(name);
  return visitor ? $localize`:@@base.names.visitorNumber:Visitor #${visitor[1]}:NUMBER:` : name;
}

/** shownName of a name that may be missing (undefined stays undefined, for `?? fallback`). */
export const shownNameOrNull = (name: string | null | undefined): string | undefined => (name == null ? undefined : shownName(name));

/** `{{ conversation.name | shownName }}`, `{{ author.name | shownName: author.kind }}`: see shownName. */
@Pipe({ name: 'shownName' })
export class ShownNamePipe implements PipeTransform {
  transform(name: string | null | undefined, kind?: string): string {
    return name == null ? '' : shownName(name, kind);
  }
}
