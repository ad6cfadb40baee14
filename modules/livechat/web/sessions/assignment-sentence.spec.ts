import type { AssignmentSummary } from '@lc/protocol';
import { assignmentSentence } from './assignment-sentence';

const names: Record<string, string> = { fr: 'French', de: 'German' };
const say = (summary: Partial<AssignmentSummary>) =>
  assignmentSentence({ rule: 'language', language: null, sameLanguageOnly: false, unspokenLanguages: [], ongoing: 0, available: 2, tie: 'none', ...summary }, (tag) => names[tag] ?? tag);

describe('assignmentSentence', () => {
  it('says why, as a manager reads it', () => {
    expect(say({ language: 'fr-FR' })).toBe('Speaks French (fr-FR), fewest ongoing chats (0) of 2 available operators');
    expect(say({ language: 'fr-CA', sameLanguageOnly: true, ongoing: 1, available: 3, tie: 'longest-waiting' })).toBe(
      'Speaks French (close to the visitor\'s fr-CA), fewest ongoing chats (1) of 3 available operators, waited longest since their last chat',
    );
    expect(say({ rule: 'least-busy', unspokenLanguages: ['de-DE'] })).toBe('Nobody available speaks German (de-DE); fewest ongoing chats (0) of 2 available operators');
    expect(say({ rule: 'least-busy' })).toBe('Fewest ongoing chats (0) of 2 available operators');
    expect(say({ rule: 'previous-operator', available: 4 })).toBe('Talked with this visitor before (1 of 4 available operators)');
    expect(say({ rule: 'queued', available: 0, ongoing: null })).toBe('Queued: no operator was available');
    expect(say({ language: 'fr-FR', available: 1 })).toBe('Speaks French (fr-FR), the only available operator');
  });

  it('says who transferred it, and from which channel, before the rule that then chose', () => {
    const marc = { id: 3, name: 'Marc Demo' };
    expect(say({ rule: 'transfer', transferredBy: marc, transferredFrom: null, ongoing: 1 })).toBe('Transferred by \u2068Marc Demo\u2069');
    expect(say({ language: 'fr-FR', transferredBy: marc, transferredFrom: 'Website' })).toBe('Transferred by \u2068Marc Demo\u2069 from \u2068Website\u2069; speaks French (fr-FR), fewest ongoing chats (0) of 2 available operators');
    expect(say({ rule: 'queued', available: 0, transferredBy: marc, transferredFrom: 'Website' })).toBe('Transferred by \u2068Marc Demo\u2069 from \u2068Website\u2069; queued: no operator was available');
  });
});
