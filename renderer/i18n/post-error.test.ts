// A post that cannot be read says why in the interface language: the scanner's English sentences (the fixed ones
// and every front-matter problem) are worded again, with the line; a sentence not known stays as it is.
import { describe, expect, it } from 'vitest';
import { readFrontMatterHead } from '../../shared/front-matter/read-block';
import { postErrorText } from './post-error';
import { type Language, translate } from './translate';

const inLanguage = (language: Language) => (error: string) => postErrorText(error, (key, params) => translate(language, key, params));
const de = inLanguage('de');
const en = inLanguage('en');

/** What the post list's scanner writes for a post's text (see electron/services/site/front-matter-head.ts). */
function scanned(text: string): string {
  const head = readFrontMatterHead(text);
  return head.line !== undefined ? `${head.error} (line ${head.line})` : head.error!;
}

describe('postErrorText', () => {
  it('words a front-matter problem in German, with its line', () => {
    const error = scanned('---\ntitle: A\ntitle: B\n---\nText\n');
    expect(error).toMatch(/^The front matter could not be read: the key "title" appears twice/);
    expect(de(error)).toBe(
      'Das Front Matter ist nicht lesbar: Der Schlüssel „title“ kommt zweimal vor; Schlüssel müssen eindeutig sein, sonst nimmt Jekyll stillschweigend den letzten (Zeile 3)',
    );
    expect(de(scanned('---\ntitle: "Open\n---\n'))).toMatch(/^Das Front Matter ist nicht lesbar: Ein Wert beginnt mit " ?, aber das schließende " fehlt \(Zeile \d\)$/);
  });

  it('words a missing closing line in German', () => {
    expect(de(scanned('---\ntitle: A\n\nText\n'))).toMatch(/^Das Front Matter ab Zeile 1 hat keine schließende Zeile ---/);
  });

  it('reads the same in English as the scanner wrote it', () => {
    const error = scanned('---\ntitle: A\ntitle: B\n---\n');
    expect(en(error)).toBe('The front matter cannot be read: The key "title" appears twice; keys must be unique, or Jekyll silently uses the last one (line 3)');
  });

  it('words the scanner’s file and link problems in German', () => {
    expect(de('This file is not text (it looks binary).')).toBe('Diese Datei ist kein Text (sie sieht binär aus).');
    expect(de('This file is not UTF-8 text; save it as UTF-8 to edit it in Pressroom.')).toBe(
      'Diese Datei ist kein UTF-8-Text; speichern Sie sie als UTF-8, um sie in Pressroom zu bearbeiten.',
    );
    expect(de('The symlink leads nowhere (its target is missing).')).toBe('Der symbolische Link führt ins Leere (sein Ziel fehlt).');
    expect(de('The symlink leads outside the site, so it is not read.')).toBe('Der symbolische Link führt aus der Website hinaus und wird daher nicht gelesen.');
    expect(de('This is not a regular file.')).toBe('Dies ist keine gewöhnliche Datei.');
    expect(de('The file could not be read (EACCES).')).toBe('Die Datei konnte nicht gelesen werden (EACCES).');
  });

  it('shows a sentence it does not know as it is', () => {
    expect(de('Something new went wrong (line 2)')).toBe('Something new went wrong (line 2)');
  });
});
