import type { AssignmentSummary } from '@lc/protocol';

/**
 * The assignment rules of DESIGN.md ("Operator assignment") as a pure function over facts gathered from
 * the database, so that each rule and their order can be tested on their own.
 */

export interface CandidateFacts {
  userId: number;
  name: string;
  /** Main language and Online Chat Languages, enabled ones only. */
  languages: string[];
  /** Sessions assigned and not ended, in all channels. */
  ongoing: number;
  /** Epoch ms of their last assignment; null when never assigned. */
  lastAssignedAt: number | null;
}

export interface AssignmentInput {
  /** Already filtered: joined, online, active, below the channel's limit. */
  candidates: CandidateFacts[];
  /** Joined operators left out by the hard filters, for the record. */
  excluded: Array<{ name: string; why: string }>;
  previousOperatorId: number | null;
  /** Accept-Language tags in q-order (no `*`, no q=0). */
  visitorLanguages: string[];
  /** A transfer brought the session to this channel: recorded in front of the decision, whenever it is made. */
  transfer?: Pick<AssignmentSummary, 'transferredBy' | 'transferredFrom'>;
}

export interface AssignmentDecision {
  operatorId: number | null;
  /** The complete record: every operator considered and the rule that decided. */
  reason: string;
  /** The deciding facts, for a sentence a manager reads. */
  summary: AssignmentSummary;
}

/** The reason names this many operators at most: with a thousand inside, it stays a sentence. */
export const REASON_MAX_LISTED = 20;

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/** Candidates speaking the first visitor language that any candidate speaks: exact tag, else same primary language. */
export function languageMatch(candidates: CandidateFacts[], visitorTags: string[]): { tag: string; how: 'exact' | 'primary'; speakers: CandidateFacts[] } | null {
  for (const tag of visitorTags) {
    const exact = candidates.filter((c) => c.languages.some((l) => l.toLowerCase() === tag.toLowerCase()));
    if (exact.length) return { tag, how: 'exact', speakers: exact };
    const sameLanguage = candidates.filter((c) => c.languages.some((l) => primary(l) === primary(tag)));
    if (sameLanguage.length) return { tag, how: 'primary', speakers: sameLanguage };
  }
  return null;
}

export function decideAssignment(input: AssignmentInput): AssignmentDecision {
  return withTransfer(decide(input), input.transfer);
}

/** The decision as a transfer's: "transferred by Marc from Website; …", and who in the summary. */
export function withTransfer(decision: AssignmentDecision, transfer: AssignmentInput['transfer']): AssignmentDecision {
  const by = transfer?.transferredBy;
  if (!by) return decision;
  const from = transfer.transferredFrom ?? null;
  return { ...decision, reason: `transferred by ${by.name}${from ? ` from ${from}` : ''}; ${decision.reason}`, summary: { ...decision.summary, transferredBy: by, transferredFrom: from } };
}

function decide(input: AssignmentInput): AssignmentDecision {
  const { candidates, excluded, previousOperatorId, visitorLanguages } = input;
  const considered = [
    ...candidates.map((c) => `${c.name} (${c.ongoing} ongoing)`),
    ...excluded.map((e) => `${e.name} (${e.why})`),
  ];
  const listed = considered.length > REASON_MAX_LISTED ? [...considered.slice(0, REASON_MAX_LISTED), `and ${considered.length - REASON_MAX_LISTED} more`] : considered;
  const header = `candidates: ${listed.length ? listed.join(', ') : 'none'}`;
  const summary = (rule: AssignmentSummary['rule'], more: Partial<AssignmentSummary> = {}): AssignmentSummary => ({
    rule, language: null, sameLanguageOnly: false, unspokenLanguages: [], ongoing: null, available: candidates.length, tie: 'none', ...more,
  });
  if (!candidates.length) return { operatorId: null, reason: `${header}; queued: no operator available`, summary: summary('queued') };

  const previous = candidates.find((c) => c.userId === previousOperatorId);
  if (previous) return { operatorId: previous.userId, reason: `${header}; rule: previous operator of this visitor`, summary: summary('previous-operator', { ongoing: previous.ongoing }) };

  const match = languageMatch(candidates, visitorLanguages);
  const pool = match?.speakers ?? candidates;
  const languageRule = match
    ? `language ${match.tag}${match.how === 'primary' ? ` (same language ${primary(match.tag)})` : ''}`
    : visitorLanguages.length
      ? `no candidate speaks ${visitorLanguages.join(', ')}`
      : 'no visitor language';

  const fewest = Math.min(...pool.map((c) => c.ongoing));
  const leastBusy = pool.filter((c) => c.ongoing === fewest);
  const waited = (c: CandidateFacts) => c.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const chosen = [...leastBusy].sort((a, b) => waited(a) - waited(b) || a.userId - b.userId)[0];
  const tie = leastBusy.length === 1 ? 'none' : leastBusy.filter((c) => waited(c) === waited(chosen)).length > 1 ? 'lowest-id' : 'longest-waiting';
  const tieRule = { none: 'only one with the fewest', 'lowest-id': 'lowest user id', 'longest-waiting': 'longest waiting' }[tie];
  return {
    operatorId: chosen.userId,
    reason: `${header}; rule: ${languageRule}; ${fewest} ongoing; ${tieRule} -> ${chosen.name}`,
    summary: match
      ? summary('language', { language: match.tag, sameLanguageOnly: match.how === 'primary', ongoing: fewest, tie })
      : summary('least-busy', { unspokenLanguages: visitorLanguages.slice(0, 3), ongoing: fewest, tie }),
  };
}
