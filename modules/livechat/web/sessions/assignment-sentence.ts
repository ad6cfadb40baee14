import { isolateText } from '@lc/platform';
import type { AssignmentSummary } from '@lc/protocol';
import { uiLocale } from '@lc/platform/web';

/**
 * Why this operator, in a sentence a manager understands: "Speaks French (fr-FR), fewest ongoing chats (0)
 * of 2 available operators", after a transfer "Transferred by Marc from Website; speaks French…".
 * `languageName` names a language in the reader's language. The stored assignmentReason stays the complete
 * record (shown as the sentence's tooltip).
 */
export function assignmentSentence(summary: AssignmentSummary, languageName: (tag: string) => string): string {
  const by = summary.transferredBy;
  if (!by) return ruleSentence(summary, languageName);
  const transfer = summary.transferredFrom
    ? $localize`:@@livechat.assignment.transferredByFrom:Transferred by ${isolateText(by.name)}:NAME: from ${isolateText(summary.transferredFrom)}:CHANNEL:`
    : $localize`:@@livechat.assignment.transferredBy:Transferred by ${isolateText(by.name)}:NAME:`;
  if (summary.rule === 'transfer') return transfer;
  const rule = ruleSentence(summary, languageName);
  return `${transfer}; ${rule.charAt(0).toLocaleLowerCase(uiLocale())}${rule.slice(1)}`;
}

function ruleSentence(summary: AssignmentSummary, languageName: (tag: string) => string): string {
  // "French (fr-CA)": the language's name, the visitor's exact tag.
  const language = (tag: string) => languageName(tag.split('-')[0]);
  const named = (tag: string) => `${language(tag)} (${tag})`;
  const among =
    summary.available === 1
      ? $localize`:@@livechat.assignment.onlyAvailable:the only available operator`
      : $localize`:@@livechat.assignment.ofAvailable:of ${summary.available}:COUNT: available operators`;
  const fewest = summary.available === 1 ? among : $localize`:@@livechat.assignment.fewestOngoing:fewest ongoing chats (${summary.ongoing}:ONGOING:) ${among}:AMONG:`;
  const tie = summary.tie === 'longest-waiting' ? $localize`:@@livechat.assignment.waitedLongest:, waited longest since their last chat` : '';
  switch (summary.rule) {
    case 'queued':
      return $localize`:@@livechat.assignment.queued:Queued: no operator was available`;
    case 'offline':
      return $localize`:@@livechat.assignment.offline:Offline message: no operator was in the channel`;
    case 'transfer':
      return $localize`:@@livechat.assignment.transferred:Transferred`;
    case 'previous-operator':
      return summary.available === 1
        ? $localize`:@@livechat.assignment.previousOnly:Talked with this visitor before (${among}:AMONG:)`
        : $localize`:@@livechat.assignment.previousOneOf:Talked with this visitor before (1 ${among}:AMONG:)`;
    case 'language':
      return summary.sameLanguageOnly
        ? $localize`:@@livechat.assignment.speaksClose:Speaks ${language(summary.language!)}:LANGUAGE: (close to the visitor's ${summary.language}:TAG:), ${fewest}:FEWEST:${tie}:TIE:`
        : $localize`:@@livechat.assignment.speaks:Speaks ${named(summary.language!)}:LANGUAGE:, ${fewest}:FEWEST:${tie}:TIE:`;
    case 'least-busy': {
      const rest = `${fewest}${tie}`;
      if (!summary.unspokenLanguages.length) return rest.charAt(0).toLocaleUpperCase(uiLocale()) + rest.slice(1);
      const languages = new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(summary.unspokenLanguages.map(named));
      return $localize`:@@livechat.assignment.nobodySpeaks:Nobody available speaks ${languages}:LANGUAGES:; ${rest}:REST:`;
    }
  }
}
