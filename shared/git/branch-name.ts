/** Branch names as git accepts them (`git check-ref-format --branch`), shared so the renderer can check a name while it is typed. */

const FORBIDDEN_CHARS = /[ ~^:?*[\\]/;

/** True for ASCII control characters (below space, and DEL), which git never allows in a ref. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Why git would refuse `name` as a branch name, in words for the user; null when git accepts it. */
export function branchNameProblem(name: string): string | null {
  if (name.length === 0) return 'A branch name cannot be empty.';
  if (name.startsWith('-')) return 'A branch name cannot start with "-".';
  if (name === 'HEAD') return '"HEAD" is reserved by git and cannot be a branch name.';
  if ([...name].some(isControl)) return 'A branch name cannot contain control characters (tabs, line breaks).';
  const bad = FORBIDDEN_CHARS.exec(name);
  if (bad) return `A branch name cannot contain ${bad[0] === ' ' ? 'spaces' : `"${bad[0]}"`}.`;
  if (name.includes('..')) return 'A branch name cannot contain "..".';
  if (name.includes('@{')) return 'A branch name cannot contain "@{".';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'A branch name cannot start or end with "/" or contain "//".';
  if (name.endsWith('.')) return 'A branch name cannot end with ".".';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'No part of a branch name (between "/") can start with ".".';
    if (part.endsWith('.lock')) return 'No part of a branch name (between "/") can end with ".lock".';
  }
  return null;
}

/** True when git accepts `name` as a branch name. */
export function isValidBranchName(name: string): boolean {
  return branchNameProblem(name) === null;
}

const MAX_SLUG = 60;

/** A branch name for working on a post, `feat/<slug>`, made valid whatever the slug holds, so "New branch" can be prefilled. */
export function suggestBranchName(slug: string): string {
  let clean = slug
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_SLUG);
  // Trim what may not start or end a part, until nothing changes (".lock" may reappear after trimming a dot).
  for (let previous = ''; previous !== clean; ) {
    previous = clean;
    clean = clean.replace(/^[-.]+/, '').replace(/[-.]+$/, '').replace(/\.lock$/, '');
  }
  return `feat/${clean || 'post'}`;
}
