import { matchesSearch } from './search-query';

describe('matchesSearch', () => {
  it('matches every word in any of the texts, ignoring case and accents', () => {
    expect(matchesSearch('', 'anything')).toBe(true);
    expect(matchesSearch('  ', 'anything')).toBe(true);
    expect(matchesSearch('sofia', 'Sofía García')).toBe(true);
    expect(matchesSearch('camille website', 'Camille', 'Website')).toBe(true);
    expect(matchesSearch('camille support', 'Camille', 'Website')).toBe(false);
    expect(matchesSearch('GAR', null, undefined, 'Sofía García')).toBe(true);
    expect(matchesSearch('x', null)).toBe(false);
  });
});
