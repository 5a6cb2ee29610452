import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageOf, pickLanguage } from './languages';

describe('issue 22: the app starts in the OS language when supported, else English', () => {
  it('takes the first supported language among the preferences, by base language', () => {
    expect(pickLanguage(['ja-JP', 'de-AT', 'fr-FR'])).toBe('de');
    expect(pickLanguage(['pt_BR'])).toBe('pt');
    expect(pickLanguage(['sv-FI', 'fi'])).toBe('sv');
  });

  it('falls back to English when none is supported or none is known', () => {
    expect(pickLanguage(['ja', 'nl-NL'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(languageOf('')).toBeUndefined();
  });

  it('a chosen language wins over the system; "system" follows it', () => {
    expect(chooseLanguage('it', ['de-DE'])).toBe('it');
    expect(chooseLanguage('system', ['es-ES', 'en'])).toBe('es');
  });
});
