import { decideAssignment, REASON_MAX_LISTED, type CandidateFacts } from './assignment';
import { visitorLanguages } from './visitor-languages';

const op = (userId: number, languages: string[], ongoing = 0, lastAssignedAt: number | null = null): CandidateFacts => ({ userId, name: `op${userId}`, languages, ongoing, lastAssignedAt });
const decide = (candidates: CandidateFacts[], accept = '', previousOperatorId: number | null = null) =>
  decideAssignment({ candidates, excluded: [], previousOperatorId, visitorLanguages: visitorLanguages(accept) });

describe('decideAssignment', () => {
  it('queues when there is no candidate', () => {
    expect(decide([], 'fr-FR')).toEqual({ operatorId: null, reason: expect.stringContaining('queued'), summary: expect.objectContaining({ rule: 'queued' }) });
  });

  it('prefers the previous operator over language and load', () => {
    const d = decide([op(1, ['fr-FR'], 0), op(2, ['en-US'], 3)], 'fr-FR', 2);
    expect(d.operatorId).toBe(2);
    expect(d.reason).toContain('previous operator');
  });

  it('lets language beat load', () => {
    expect(decide([op(1, ['en-US'], 0), op(2, ['fr-FR'], 2)], 'fr-FR').operatorId).toBe(2);
  });

  it('matches the primary language when no exact tag: fr-CA visitor -> fr-FR operator', () => {
    const d = decide([op(1, ['en-US']), op(2, ['fr-FR'], 1)], 'fr-CA,en;q=0.5');
    expect(d.operatorId).toBe(2);
    expect(d.reason).toContain('language fr-CA (same language fr)');
  });

  it('prefers an exact tag to a same-language one for the same visitor tag', () => {
    expect(decide([op(1, ['fr-FR']), op(2, ['fr-CA'], 1)], 'fr-CA').operatorId).toBe(2);
  });

  it('follows q-order: the first tag that finds anyone wins', () => {
    expect(decide([op(1, ['de-DE']), op(2, ['es-ES'])], 'es-ES;q=0.8,de-DE;q=0.9').operatorId).toBe(1);
  });

  it('ignores * and q=0', () => {
    expect(decide([op(1, ['en-US'], 0, 5), op(2, ['fr-FR'], 0, 1)], 'fr-FR;q=0,*').operatorId).toBe(2); // no language rule: longest waiting
  });

  it('falls back to all candidates when nobody speaks the language, by fewest ongoing', () => {
    const d = decide([op(1, ['en-US'], 2), op(2, ['de-DE'], 1)], 'ja-JP');
    expect(d.operatorId).toBe(2);
    expect(d.reason).toContain('no candidate speaks ja-JP');
  });

  it('breaks ties by longest since last assignment, never assigned first, then lowest id', () => {
    expect(decide([op(1, ['en-US'], 1, 2000), op(2, ['en-US'], 1, 1000)], 'en-US').operatorId).toBe(2);
    expect(decide([op(1, ['en-US'], 1, 2000), op(2, ['en-US'], 1, null)], 'en-US').operatorId).toBe(2);
    expect(decide([op(3, ['en-US']), op(2, ['en-US'])], 'en-US').operatorId).toBe(2);
  });

  it('records the candidates and the deciding rule', () => {
    const d = decideAssignment({ candidates: [op(1, ['fr-FR'], 1, 10)], excluded: [{ name: 'op9', why: 'offline' }], previousOperatorId: null, visitorLanguages: ['fr-FR'] });
    expect(d.reason).toBe('candidates: op1 (1 ongoing), op9 (offline); rule: language fr-FR; 1 ongoing; only one with the fewest -> op1');
    expect(d.summary).toEqual({ rule: 'language', language: 'fr-FR', sameLanguageOnly: false, unspokenLanguages: [], ongoing: 1, available: 1, tie: 'none' });
  });

  it('summarises each rule as data', () => {
    expect(decide([], 'fr-FR').summary).toEqual(expect.objectContaining({ rule: 'queued', available: 0 }));
    expect(decide([op(1, ['fr-FR']), op(2, ['en-US'], 3)], 'fr-FR', 2).summary).toEqual(expect.objectContaining({ rule: 'previous-operator', ongoing: 3, available: 2 }));
    expect(decide([op(1, ['en-US']), op(2, ['fr-FR'], 1)], 'fr-CA').summary).toEqual(expect.objectContaining({ rule: 'language', language: 'fr-CA', sameLanguageOnly: true, ongoing: 1 }));
    expect(decide([op(1, ['en-US'], 1, 2000), op(2, ['de-DE'], 1, 1000)], 'ja-JP').summary).toEqual(
      expect.objectContaining({ rule: 'least-busy', unspokenLanguages: ['ja-JP'], ongoing: 1, available: 2, tie: 'longest-waiting' }),
    );
  });

  it(`names at most ${REASON_MAX_LISTED} operators in the reason, however many are inside`, () => {
    const many = Array.from({ length: 1000 }, (_, i) => op(i + 1, ['en-US'], 1));
    const d = decideAssignment({ candidates: [...many, op(1001, ['en-US'], 0)], excluded: [], previousOperatorId: null, visitorLanguages: ['en-US'] });
    expect(d.operatorId).toBe(1001);
    expect(d.reason).toContain(`op${REASON_MAX_LISTED} (1 ongoing), and ${1001 - REASON_MAX_LISTED} more; rule: language en-US; 0 ongoing`);
    expect(d.reason.length).toBeLessThan(600);
  });

  it('keeps a transfer in front of the decision, whichever rule decides (and when it only queues)', () => {
    const transfer = { transferredBy: { id: 9, name: 'Marc' }, transferredFrom: 'Website' };
    const assigned = decideAssignment({ candidates: [op(1, ['fr-FR'])], excluded: [{ name: 'Marc', why: 'transferred it' }], previousOperatorId: null, visitorLanguages: ['fr-FR'], transfer });
    expect(assigned.reason).toBe('transferred by Marc from Website; candidates: op1 (0 ongoing), Marc (transferred it); rule: language fr-FR; 0 ongoing; only one with the fewest -> op1');
    expect(assigned.summary).toEqual(expect.objectContaining({ rule: 'language', transferredBy: { id: 9, name: 'Marc' }, transferredFrom: 'Website' }));
    const queued = decideAssignment({ candidates: [], excluded: [], previousOperatorId: null, visitorLanguages: [], transfer });
    expect(queued).toEqual({ operatorId: null, reason: 'transferred by Marc from Website; candidates: none; queued: no operator available', summary: expect.objectContaining({ rule: 'queued', transferredFrom: 'Website' }) });
    expect(decide([op(1, [])]).summary.transferredBy).toBeUndefined();
  });
});
