import { describe, expect, it } from 'vitest';
import { exportWords, formatLongDate } from './export-words';

describe('exportWords', () => {
  it('writes a German release in German, whatever the region', () => {
    for (const tag of ['de', 'de-DE', 'de-AT', 'de-CH', 'DE']) {
      const w = exportWords(tag);
      expect(`${w.pageOf.before}2${w.pageOf.between}3${w.pageOf.after}`).toBe('Seite 2 von 3');
      expect(w.pressContact).toBe('Pressekontakt');
      expect(w.remoteImage('example.com')).toBe('[Bild von example.com nicht enthalten]');
      expect(w.aboutSite('Sovereign Cloud Stack')).toBe('Über Sovereign Cloud Stack');
    }
  });

  it('writes English for English and for every language it does not know', () => {
    for (const tag of ['en', 'en-US', 'fr', 'deu-x', 'dex', '']) {
      const w = exportWords(tag);
      expect(`${w.pageOf.before}2${w.pageOf.between}3${w.pageOf.after}`).toBe('Page 2 of 3');
      expect(w.pressContact).toBe('Press contact');
    }
    expect(exportWords('en').aboutSite(' Sovereign Cloud Stack ')).toBe('About Sovereign Cloud Stack');
    expect(exportWords('en').aboutSite('')).toBe('About');
    expect(exportWords('en').embed('www.youtube.com')).toBe('[Embedded content from www.youtube.com not included]');
  });
});

describe('formatLongDate', () => {
  it('writes the date as running text in the post language', () => {
    expect(formatLongDate('2022-09-21', 'de')).toBe('21. September 2022');
    expect(formatLongDate('2022-09-21', 'en')).toBe('21 September 2022');
    expect(formatLongDate('2023-03-02', 'de-AT')).toBe('2. März 2023');
  });

  it('reads a Jekyll date with time and zone by its day, never shifted by the zone', () => {
    expect(formatLongDate('2022-09-21 23:30:00 -0800', 'en')).toBe('21 September 2022');
    expect(formatLongDate('2022-09-21T00:15:00+0200', 'en')).toBe('21 September 2022');
  });

  it('says nothing for a missing or impossible date', () => {
    expect(formatLongDate('', 'en')).toBe('');
    expect(formatLongDate('yesterday', 'en')).toBe('');
    expect(formatLongDate('2022-02-30', 'en')).toBe('');
    expect(formatLongDate('2022-13-01', 'de')).toBe('');
  });
});
