import { systemText } from './system-text';

describe('systemText', () => {
  const german = { 'livechat.joined': '{name} ist dem Gespräch beigetreten', 'livechat.rated.happy': 'Bewertung: 😊 Zufrieden' };

  it('reads a keyed system message in the reader\'s language, its parameters filled in', () => {
    expect(systemText({ body: 'Ann joined the conversation', i18n: { key: 'livechat.joined', params: { name: 'Ann' } } }, german)).toBe('Ann ist dem Gespräch beigetreten');
    expect(systemText({ body: 'Rated 😊 Happy', i18n: { key: 'livechat.rated.happy', params: {} } }, german)).toBe('Bewertung: 😊 Zufrieden');
  });

  it('keeps the stored English body without a key, with a key the texts lack, or without texts', () => {
    expect(systemText({ body: 'Old message' }, german)).toBe('Old message');
    expect(systemText({ body: 'New kind', i18n: { key: 'livechat.new', params: {} } }, german)).toBe('New kind');
    expect(systemText({ body: 'x', i18n: { key: 'constructor', params: {} } }, german)).toBe('x');
    expect(systemText({ body: 'Ann joined the conversation', i18n: { key: 'livechat.joined', params: { name: 'Ann' } } }, null)).toBe('Ann joined the conversation');
  });
});
