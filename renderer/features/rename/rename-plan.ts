/**
 * When a post's file should be offered a new name: its title as saved no longer gives the slug in its file name, and
 * neither it nor any translation of it is committed yet (a committed post's name is its published address). The
 * slug rule is the new-release dialog's (`slugify` in the title's language), so a renamed release is named exactly as
 * it would have been, had it been created with that title.
 */
import type { GitStatus } from '../../../shared/contract/git-models';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { draftSlugOfFileName, parsePostFileName } from '../../../shared/site/conventions';
import { isValidSlug } from '../../../shared/site/post-path';
import { slugify } from '../../../shared/site/slug';

/** The rename to offer: the one new file name, the moves for `post.rename` and the languages they concern. */
export interface RenamePlan {
  fileName: string;
  moves: { from: string; to: string }[];
  /** The languages of the moved files, in the pair's order (null for a post without a language). */
  languages: (string | null)[];
}

type SiteFacts = Pick<SiteSummary, 'defaultLanguage'>;

/** The member whose title names a release's shared file: the site's default language, as the dialog chose it, else the first. */
export function namingMember(members: readonly PostEntry[], site: SiteFacts): PostEntry | null {
  return members.find((m) => m.language !== null && m.language === site.defaultLanguage) ?? members[0] ?? null;
}

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * The rename that makes the file name follow the naming member's title, for every member of a release (translations
 * share the name), keeping the date, the extension and a language suffix (`-de` on a site without `_i18n` folders);
 * null when the name already fits or the title gives no usable slug.
 */
export function renamePlan(members: readonly PostEntry[], site: SiteFacts): RenamePlan | null {
  const lead = namingMember(members, site);
  if (!lead) return null;
  const name = nameOf(lead.path);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const ext = name.slice(dot);
  const dated = parsePostFileName(name);
  const draft = dated ? null : /(^|\/)_drafts\//.test(lead.path) ? draftSlugOfFileName(name) : null;
  const current = dated?.slug ?? draft;
  if (current === null) return null;
  const lang = lead.language;
  // A translation kept beside its original (`launch-de.md`) keeps its language mark.
  const suffix = lang && lang !== site.defaultLanguage && !lead.path.startsWith('_i18n/') && current.endsWith(`-${lang}`) ? `-${lang}` : '';
  const slug = slugify(lead.title, lang ?? site.defaultLanguage);
  if (!slug || !isValidSlug(slug) || `${slug}${suffix}` === current) return null;
  const fileName = `${dated ? `${dated.date}-` : ''}${slug}${suffix}${ext}`;
  // Members share the lead's name; one with a name of its own (not a pair by name) is left alone.
  const moved = members.filter((m) => nameOf(m.path) === name);
  return { fileName, moves: moved.map((m) => ({ from: m.path, to: `${folderOf(m.path)}${fileName}` })), languages: moved.map((m) => m.language) };
}

/**
 * True when none of `paths` (site-relative) is in the repository's last commit: each is a new file of the working copy.
 * `status` null means the site has no repository: nothing tells what is published, so this is false.
 */
export function noneCommitted(paths: readonly string[], status: Pick<GitStatus, 'sitePrefix' | 'changes'> | null): boolean {
  if (!status) return false;
  const fresh = new Set(status.changes.filter((c) => c.kind === 'new').map((c) => c.path));
  return paths.every((p) => fresh.has(`${status.sitePrefix}${p}`));
}
