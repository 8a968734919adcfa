/**
 * Turns a post title into the slug of its file name (`2024-05-01-<slug>.md`), readable in URLs:
 * German letters written out (ä → ae, ß → ss), other accents dropped, punctuation gone, words joined by `-`.
 */

/** Longest slug we make; longer titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 80;

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** Letters that Unicode does not decompose into a base letter and an accent. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  å: 'a',
  Å: 'A',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  '&': ' and ',
};

/** Languages whose own letters include ä, ö or ü, where they are written without the German e (Malmö → malmo). */
const PLAIN_UMLAUT_LANGUAGES = /^(sv|fi|et|tr|hu|is|az|tk)(?:$|[-_])/i;

/**
 * The slug for `title`. Umlauts become ae/oe/ue (in English text they are German names too, Müller → mueller)
 * unless `lang` is a language with umlauts of its own; translations share the slug of the title they start from.
 */
export function slugify(title: string, lang?: string | null): string {
  const german = !lang || !PLAIN_UMLAUT_LANGUAGES.test(lang);
  let s = title.replace(/[äöüÄÖÜ]/g, (c) => (german ? GERMAN[c] : c));
  s = s.replace(/[ßẞæÆœŒøØåÅłŁđĐðÐþÞı&]/g, (c) => (c === '&' && lang && /^de/i.test(lang) ? ' und ' : SPECIAL[c]));
  s = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Apostrophes join their word ("Kestrel's" → "kestrels") instead of splitting it.
    .replace(/['’`´]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= MAX_SLUG_LENGTH) return s;
  const cut = s.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastDash) : s.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}
