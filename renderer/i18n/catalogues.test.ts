import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/contract/errors';
import { de } from './de';
import { en } from './en';
import { formatDay, formatMessage, formatMoment, languageName, pluralKey, resolveLanguage, translate } from './translate';

describe('message catalogues', () => {
  it('German has exactly the English keys, each with a non-empty text', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(de)) expect(text.trim(), key).not.toBe('');
  });

  it('German keeps the same placeholders as English, so no value goes missing in translation', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
  });

  it('has a message for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(Object.keys(en)).toContain(`error.${code}`);
      expect(Object.keys(de)).toContain(`error.${code}`);
    }
  });

  it('names the buttons the way the end-to-end tests and the users expect', () => {
    expect(en['welcome.openFolder']).toBe('Open site folder…');
    expect(en['welcome.openSample']).toBe('Open the sample site');
    expect(de['welcome.openSample']).toBe('Beispiel-Website öffnen');
    expect(de['welcome.recent']).toBe('Zuletzt geöffnet');
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers the way each language writes them', () => {
    expect(translate('en', 'progress.scanning', { done: 1200, total: 10000 })).toBe('Reading posts… 1,200 of 10,000');
    expect(translate('de', 'progress.scanning', { done: 1200, total: 10000 })).toBe('Beiträge werden gelesen… 1.200 von 10.000');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(formatMessage('Hello {who}', {})).toBe('Hello {who}');
  });

  it('picks singular and plural forms', () => {
    expect(pluralKey('postList.count', 1)).toBe('postList.count.one');
    expect(pluralKey('postList.count', 3)).toBe('postList.count.other');
    expect(pluralKey('postList.count', 0)).toBe('postList.count.other');
  });
});

describe('resolveLanguage', () => {
  it('follows an explicit choice', () => {
    expect(resolveLanguage('de', 'en-US', 'en')).toBe('de');
    expect(resolveLanguage('en', 'de-DE', 'de')).toBe('en');
  });
  it('speaks German on a German system and English otherwise', () => {
    expect(resolveLanguage('system', 'de-AT', 'en-US')).toBe('de');
    expect(resolveLanguage('system', 'fr-FR', 'de')).toBe('en');
    expect(resolveLanguage('system', '', 'de-CH')).toBe('de');
    expect(resolveLanguage('system', null, null)).toBe('en');
  });
});

describe('formatters', () => {
  it('writes dates in the interface language', () => {
    expect(formatDay('2024-03-05', 'en')).toBe('Mar 5, 2024');
    expect(formatDay('2024-03-05', 'de')).toBe('05.03.2024');
    expect(formatDay('not a date', 'en')).toBe('not a date');
  });
  it('writes times on the 24-hour clock in English as in German', () => {
    const afternoon = new Date(2026, 11, 5, 14, 5).toISOString();
    const midnight = new Date(2026, 11, 5, 0, 30).toISOString();
    expect(formatMoment(afternoon, 'en')).toBe('Dec 5, 2026, 14:05');
    expect(formatMoment(midnight, 'en')).toBe('Dec 5, 2026, 00:30');
    expect(formatMoment(afternoon, 'de')).toBe('05.12.2026, 14:05');
    expect(formatMoment('yesterday', 'en')).toBe('yesterday');
  });
  it('names languages in the interface language', () => {
    expect(languageName('en', 'en')).toBe('English');
    expect(languageName('en', 'de')).toBe('Englisch');
    expect(languageName('de', 'de')).toBe('Deutsch');
  });
});
