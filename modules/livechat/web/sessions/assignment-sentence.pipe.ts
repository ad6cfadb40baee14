import { inject, Pipe, type PipeTransform } from '@angular/core';
import type { AssignmentSummary } from '@lc/protocol';
import { LanguageNames } from '../discuss/language-names';
import { assignmentSentence } from './assignment-sentence';

/** `session | assignmentSentence`: why this operator, worded; the stored text for sessions older than summaries. */
@Pipe({ name: 'assignmentSentence' })
export class AssignmentSentencePipe implements PipeTransform {
  private readonly languages = inject(LanguageNames);

  transform(session: { assignmentSummary: AssignmentSummary | null; assignmentReason: string | null }, none: string): string {
    if (session.assignmentSummary) return assignmentSentence(session.assignmentSummary, (code) => this.languages.nameOf(code) ?? code);
    return session.assignmentReason ?? none;
  }
}
