import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify } from './slug';

describe('slugify', () => {
  it('writes German letters out', () => {
    expect(slugify('Größere Übersicht für Änderungen', 'de')).toBe('groessere-uebersicht-fuer-aenderungen');
    expect(slugify('Straße in München')).toBe('strasse-in-muenchen');
    expect(slugify('ÄÖÜ äöü ß')).toBe('aeoeue-aeoeue-ss');
    expect(slugify('Müller GmbH joins', 'en')).toBe('mueller-gmbh-joins');
  });

  it('drops other accents, and umlauts in other languages', () => {
    expect(slugify('Café crème à Genève', 'fr')).toBe('cafe-creme-a-geneve');
    expect(slugify('Smörgåsbord i Malmö', 'sv')).toBe('smorgasbord-i-malmo');
    expect(slugify('Łódź and Øresund')).toBe('lodz-and-oresund');
  });

  it('drops punctuation and joins words with single dashes, lower-case and trimmed', () => {
    expect(slugify('  Kestrel 1.1: GPUs -- for everyone!  ')).toBe('kestrel-1-1-gpus-for-everyone');
    expect(slugify("Kestrel's new release (beta)")).toBe('kestrels-new-release-beta');
    expect(slugify('Tom & Jerry', 'en')).toBe('tom-and-jerry');
    expect(slugify('Tom & Jerry', 'de')).toBe('tom-und-jerry');
    expect(slugify('«Über» „Anführungszeichen“ — ok?', 'de')).toBe('ueber-anfuehrungszeichen-ok');
    expect(slugify('!!!')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const title = 'Kestrel Cloud announces the general availability of encrypted storage by default for every project and region';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^kestrel-cloud-announces-.*[a-z]$/);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
    expect(slugify('x'.repeat(200))).toHaveLength(MAX_SLUG_LENGTH);
  });
});
