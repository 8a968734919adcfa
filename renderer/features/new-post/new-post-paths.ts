/**
 * What the "New press release" dialog shows before anything is written: the file(s) `post.create` will make,
 * computed with the same shared rules main uses (slug, folder per language, year folders).
 */
import { AppFailure } from '../../../shared/contract/errors';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { inferPostLayout, postPathFor } from '../../../shared/site/post-path';

/** The site-relative paths for the chosen languages, or the reason there are none. */
export function plannedPaths(site: Pick<SiteSummary, 'languages' | 'defaultLanguage'>, posts: readonly Pick<PostEntry, 'path'>[], languages: readonly string[], date: string, slug: string): { paths: string[]; problem: string | null } {
  const config = { languages: site.languages, defaultLanguage: site.defaultLanguage };
  const layout = inferPostLayout(
    posts.map((p) => p.path),
    config,
  );
  const unique = [...new Set(languages)];
  const primary = config.defaultLanguage && unique.includes(config.defaultLanguage) ? config.defaultLanguage : (unique[0] ?? null);
  try {
    const paths = (unique.length > 0 ? unique : [null]).map((lang) => postPathFor(config, layout.i18n || lang !== primary ? lang : null, date, slug, layout));
    return { paths, problem: null };
  } catch (error) {
    return { paths: [], problem: error instanceof AppFailure ? error.message : String(error) };
  }
}

/** A list entry for a post just created, for opening it before the list has been read again. */
export function newPostEntry(path: string, title: string, date: string, language: string | null): PostEntry {
  return {
    path,
    title,
    date,
    dateSource: 'file-name',
    slug: path.replace(/^.*\/\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, ''),
    language,
    category: null,
    categories: [],
    layout: null,
    draft: false,
    symlinkTarget: null,
    symlinkLanguage: null,
    error: null,
    size: 0,
  };
}
