/**
 * The few words an export writes itself (header, footer, notes, headings of the closing block) in the post's
 * language, not the interface's: a German release exports "Seite 2 von 3" whatever the app speaks.
 */

/** The words of one language. */
export interface ExportWords {
  /** "Page {page} of {pages}": the footer splits it around Chromium's page-number spans. */
  pageOf: { before: string; between: string; after: string };
  pressContact: string;
  about: string;
  /** The boilerplate's heading with the site's name ("About Sovereign Cloud Stack"); `about` alone without one. */
  aboutSite(name: string): string;
  /** The note left where a web image was (never fetched). */
  remoteImage(host: string): string;
  /** The note left where a frame, video or object was. */
  embed(what: string): string;
}

const EN: ExportWords = {
  pageOf: { before: 'Page ', between: ' of ', after: '' },
  pressContact: 'Press contact',
  about: 'About',
  aboutSite: (name) => (name.trim() ? `About ${name.trim()}` : 'About'),
  remoteImage: (host) => `[Image from ${host} not included]`,
  embed: (what) => `[Embedded content from ${what} not included]`,
};

const DE: ExportWords = {
  pageOf: { before: 'Seite ', between: ' von ', after: '' },
  pressContact: 'Pressekontakt',
  about: 'Über',
  aboutSite: (name) => (name.trim() ? `Über ${name.trim()}` : 'Über'),
  remoteImage: (host) => `[Bild von ${host} nicht enthalten]`,
  embed: (what) => `[Eingebetteter Inhalt von ${what} nicht enthalten]`,
};

/** The export words of a language tag ("de", "de-AT" → German; anything else English). */
export function exportWords(language: string): ExportWords {
  return /^de\b/i.test(language) ? DE : EN;
}

/** A post date ("2022-09-21") as the language writes it in running text ("21 September 2022", "21. September 2022"). */
export function formatLongDate(isoDate: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // "2022-02-30" is no day: say nothing rather than a date the release never had (Date would roll it to March).
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) return '';
  const locale = /^de\b/i.test(language) ? 'de-DE' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
