/** A post's list entry made from its path alone, for a file the scanner has not listed yet (a new post) and for tests. */
import type { PostEntry } from '../contract/models';
import { languageOfPath, parsePostFileName } from './conventions';

/**
 * The entry of the post at `path`: date and slug from its file name, language from its `_i18n/<lang>/` folder (any
 * two- or three-letter folder there), every other field empty, then `fields` over it.
 */
export function postEntryOf(path: string, fields: Partial<PostEntry> = {}): PostEntry {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const parsed = parsePostFileName(name);
  const folderLanguage = /^_i18n\/([a-z]{2,3}(?:[-_][A-Za-z0-9]+)?)\//.exec(path)?.[1] ?? null;
  const language = folderLanguage && languageOfPath(path, [folderLanguage]) ? folderLanguage : null;
  return {
    path,
    title: '',
    date: parsed?.date ?? null,
    dateSource: parsed ? 'file-name' : 'none',
    slug: parsed?.slug ?? name.replace(/\.[^.]+$/, ''),
    language,
    category: null,
    categories: [],
    layout: null,
    draft: false,
    symlinkTarget: null,
    symlinkLanguage: null,
    error: null,
    size: 0,
    ...fields,
  };
}
