import { clearTranslations, loadTranslations } from '@angular/localize';
import { shownName, ShownNamePipe } from './shown-name';

describe('shownName', () => {
  it('reads the names the server stores in English through the texts ("Visitor #12", the system author), any other as it is', () => {
    expect(shownName('Visitor #12')).toBe('Visitor #12');
    expect(shownName('System', 'system')).toBe('System');
    expect(shownName('System', 'user')).toBe('System'); // someone called System
    expect(shownName('Camille')).toBe('Camille');
    expect(shownName('Visitor #12 and friends')).toBe('Visitor #12 and friends');
    expect(new ShownNamePipe().transform(null)).toBe('');
    expect(new ShownNamePipe().transform('Visitor #3', 'visitor')).toBe('Visitor #3');
  });

  it("in the user's language: the number kept, the words translated", () => {
    loadTranslations({ 'base.names.visitorNumber': 'Visiteur n° {$NUMBER}', 'base.names.system': 'Système' });
    try {
      expect(shownName('Visitor #12')).toBe('Visiteur n° 12');
      expect(new ShownNamePipe().transform('System', 'system')).toBe('Système');
      expect(shownName('Camille')).toBe('Camille');
    } finally {
      clearTranslations();
    }
  });
});
