import { languageName } from './language-name';

describe('languageName', () => {
  it('names a code in the reader\'s language, region included', () => {
    expect(languageName('fr-FR', 'en_US')).toBe('French (France)');
    expect(languageName('fr', 'en-US')).toBe('French');
    expect(languageName('en-GB', 'fr-FR')).toBe('anglais (Royaume-Uni)');
    expect(languageName('pt_BR', 'en')).toBe('Portuguese (Brazil)');
  });

  it('keeps a code it cannot read', () => {
    expect(languageName('not a code!', 'en')).toBe('not a code!');
    expect(languageName('fr-FR', 'bad locale!')).toMatch(/French|français/);
  });
});
