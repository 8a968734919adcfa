/**
 * What the site watcher never reports: Jekyll's and npm's generated folders, git's internals (except `.git/HEAD`,
 * which moves on a branch switch) and our own atomic-write temporary files, which appear and vanish on every save.
 */

/** Folders whose contents are generated or belong to a tool; a change inside them is never the user's text. */
const GENERATED = new Set(['_site', 'node_modules', '.jekyll-cache', '.sass-cache']);

/** The temporary name `atomic-write.ts` writes beside a file before renaming it over (see `temp-name.ts`). */
const OWN_TEMP = /^\..*\.pressroom-\d+-[0-9a-f]+-[0-9a-f]+\.tmp$/;

/** The one file under `.git/` whose change means the working tree may have changed wholesale (a checkout). */
export const GIT_HEAD = '.git/HEAD';

/** True when a change at `rel` (a site path with `/` separators, '' for the root) must not be reported. */
export function isIgnoredPath(rel: string): boolean {
  if (rel === '' || rel === '.git' || rel === GIT_HEAD) return false;
  const segments = rel.split('/');
  if (segments[0] === '.git') return true;
  if (segments.some((s) => GENERATED.has(s))) return true;
  return OWN_TEMP.test(segments[segments.length - 1]);
}
