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

/** The primary language of a tag, lower-cased: fr-CA -> fr. */
export const primary = (tag: string) => tag.toLowerCase().split('-')[0];

export function decideAssignment(input: AssignmentInput): AssignmentDecision {
  return decideRanked(rankCandidates(input), input.transfer);
}

/** The decision as a transfer's: "transferred by Marc from Website; …", and who in the summary. */
export function withTransfer(decision: AssignmentDecision, transfer: AssignmentInput['transfer']): AssignmentDecision {
  const by = transfer?.transferredBy;
  if (!by) return decision;
  const from = transfer.transferredFrom ?? null;
  return { ...decision, reason: `transferred by ${by.name}${from ? ` from ${from}` : ''}; ${decision.reason}`, summary: { ...decision.summary, transferredBy: by, transferredFrom: from } };
}

/** A candidate's place in the language rule: 2i when they speak the visitor's i-th tag exactly, 2i+1 its primary language; else NO_LANGUAGE. */
export const NO_LANGUAGE = 1_000_000;

export function languageRank(languages: string[], visitorTags: string[]): number {
  for (const [i, tag] of visitorTags.entries()) {
    if (languages.some((l) => l.toLowerCase() === tag.toLowerCase())) return 2 * i;
    if (languages.some((l) => primary(l) === primary(tag))) return 2 * i + 1;
  }
  return NO_LANGUAGE;
}

/** The rules' order of candidates: language rank, fewest ongoing, longest waiting (never assigned first), lowest id. */
export const waited = (c: Pick<CandidateFacts, 'lastAssignedAt'>) => c.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
type Ranked = CandidateFacts & { rank: number };
const byRules = (a: Ranked, b: Ranked) => a.rank - b.rank || a.ongoing - b.ongoing || waited(a) - waited(b) || a.userId - b.userId;

/**
 * All a decision reads, however many operators are inside: the first two candidates in the rules' order,
 * the visitor's previous operator if a candidate, how many are available, and the operators the reason
 * names. The assignment's query returns exactly this; `rankCandidates` builds it from lists.
 */
export interface RankedFacts {
  available: number;
  /** The first two candidates by `byRules`, ranked against `visitorLanguages`. */
  firstTwo: Ranked[];
  previous: CandidateFacts | null;
  /** The first REASON_MAX_LISTED considered (candidates by user id, then the excluded), and how many there are. */
  listed: string[];
  considered: number;
  visitorLanguages: string[];
}

export const consideredCandidate = (c: Pick<CandidateFacts, 'name' | 'ongoing'>) => `${c.name} (${c.ongoing} ongoing)`;
export const consideredExcluded = (e: { name: string; why: string }) => `${e.name} (${e.why})`;

export function rankCandidates({ candidates, excluded, previousOperatorId, visitorLanguages }: AssignmentInput): RankedFacts {
  const considered = [...candidates.map(consideredCandidate), ...excluded.map(consideredExcluded)];
  return {
    available: candidates.length,
    firstTwo: candidates.map((c) => ({ ...c, rank: languageRank(c.languages, visitorLanguages) })).sort(byRules).slice(0, 2),
    previous: candidates.find((c) => c.userId === previousOperatorId) ?? null,
    listed: considered.slice(0, REASON_MAX_LISTED),
    considered: considered.length,
    visitorLanguages,
  };
}

/** The decision, from the ranked facts (see RankedFacts) and, for a session a transfer brought, its transfer. */
export function decideRanked(facts: RankedFacts, transfer?: AssignmentInput['transfer']): AssignmentDecision {
  return withTransfer(decide(facts), transfer);
}

function decide({ available, firstTwo, previous, listed, considered, visitorLanguages }: RankedFacts): AssignmentDecision {
  const names = considered > listed.length ? [...listed, `and ${considered - listed.length} more`] : listed;
  const header = `candidates: ${names.length ? names.join(', ') : 'none'}`;
  const summary = (rule: AssignmentSummary['rule'], more: Partial<AssignmentSummary> = {}): AssignmentSummary => ({
    rule, language: null, sameLanguageOnly: false, unspokenLanguages: [], ongoing: null, available, tie: 'none', ...more,
  });
  const [chosen, next] = firstTwo;
  if (!available || !chosen) return { operatorId: null, reason: `${header}; queued: no operator available`, summary: summary('queued') };

  if (previous) return { operatorId: previous.userId, reason: `${header}; rule: previous operator of this visitor`, summary: summary('previous-operator', { ongoing: previous.ongoing }) };

  // The pool is the candidates of the best rank: speakers of the first visitor tag any candidate speaks.
  const match = chosen.rank === NO_LANGUAGE ? null : { tag: visitorLanguages[chosen.rank >> 1], how: chosen.rank & 1 ? 'primary' : 'exact' };
  const languageRule = match
    ? `language ${match.tag}${match.how === 'primary' ? ` (same language ${primary(match.tag)})` : ''}`
    : visitorLanguages.length
      ? `no candidate speaks ${visitorLanguages.join(', ')}`
      : 'no visitor language';
  const fewest = chosen.ongoing;
  const tied = next !== undefined && next.rank === chosen.rank && next.ongoing === fewest;
  const tie = !tied ? 'none' : waited(next) === waited(chosen) ? 'lowest-id' : 'longest-waiting';
  const tieRule = { none: 'only one with the fewest', 'lowest-id': 'lowest user id', 'longest-waiting': 'longest waiting' }[tie];
  return {
    operatorId: chosen.userId,
    reason: `${header}; rule: ${languageRule}; ${fewest} ongoing; ${tieRule} -> ${chosen.name}`,
    summary: match
      ? summary('language', { language: match.tag, sameLanguageOnly: match.how === 'primary', ongoing: fewest, tie })
      : summary('least-busy', { unspokenLanguages: visitorLanguages.slice(0, 3), ongoing: fewest, tie }),
  };
}
