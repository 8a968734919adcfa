/**
 * Creates the missing translation of a release: the same file name in the same folder under `_i18n/<language>/`,
 * the source's front matter exactly as written (date, category, image, author…) minus the text that belongs to one
 * language (excerpt, description…), and an empty body to write the translation in. Never overwrites.
 */
import { AppFailure } from '../../../shared/contract/errors';
import { FrontMatterEditError, getFieldSource, removeField, setField } from '../../../shared/front-matter/edit';
import { splitFrontMatter } from '../../../shared/front-matter/split';
import { translationPath } from '../../../shared/site/post-pairs';
import type { SiteConfig } from '../../../shared/site/site-config-model';
import { createDocument } from '../documents';
import { normalizeRel, readSiteText } from '../paths';

/** Front-matter fields written in one language: a translation starts without them. */
export const LANGUAGE_TEXT_FIELDS = ['excerpt', 'description', 'summary', 'subtitle', 'teaser', 'abstract', 'lead'] as const;
/** Fields naming the post's language: set to the new language where the source has them. */
const LANGUAGE_FIELDS = ['lang', 'language'] as const;
/** A post bigger than this is no press release; reading it whole for its front matter would only be slow. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/**
 * The text of a new translation: the source's front matter with its language-specific text removed and its
 * language field (if any) set to `language`, byte for byte otherwise (quotes, comments, line endings), then one blank line.
 */
export function translationText(source: string, language: string): string {
  const bom = source.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  let text = source.slice(bom.length);
  const split = splitFrontMatter(text);
  if (split.kind === 'none') {
    const eol = /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n';
    return `${bom}---${eol}---${eol}${eol}`;
  }
  try {
    // The body goes first, so no edit below has to look at it.
    text = text.slice(0, split.bodyStart);
    for (const key of LANGUAGE_TEXT_FIELDS) text = removeField(text, key);
    for (const key of LANGUAGE_FIELDS) if (getFieldSource(text, key) !== null) text = setField(text, key, language);
  } catch (error) {
    if (error instanceof FrontMatterEditError) throw new AppFailure('invalid-arguments', `The front matter cannot be copied: ${error.message}`, error.line !== undefined ? { line: error.line } : {});
    throw error;
  }
  const head = splitFrontMatter(text);
  const closed = text.endsWith('\n') ? text : text + head.eol;
  return `${bom}${closed}${head.eol}`;
}

/** Creates the translation of the post at `rel` in `language` and returns its site-relative path. */
export async function addTranslation(root: string, config: Pick<SiteConfig, 'languages'>, rel: string, language: string): Promise<{ path: string }> {
  if (!config.languages.includes(language)) {
    throw new AppFailure('invalid-arguments', `The site has no language ${language}${config.languages.length > 0 ? ` (it has ${config.languages.join(', ')})` : ''}.`);
  }
  const source = normalizeRel(rel);
  const target = translationPath(source, language);
  if (target === null) throw new AppFailure('not-supported', `${source} is not in a language folder (_i18n/<language>/_posts), so there is no place for its translation.`, { path: source });
  if (target === source) throw new AppFailure('exists', `${source} is already the ${language} version.`, { path: source });
  // Read through a symlinked source to the text it shows (confined to the site like every read).
  const text = translationText(await readSiteText(root, source, { maxBytes: MAX_SOURCE_BYTES, strict: true }), language);
  try {
    await createDocument(root, target, text);
  } catch (error) {
    if (error instanceof AppFailure && error.error.code === 'exists') throw new AppFailure('exists', `${target} already exists; the ${language} version is there.`, { path: target });
    throw error;
  }
  return { path: target };
}
