/**
 * Remote addresses as the user meets them: which host a remote is on, its web page (for the pull-request link),
 * the HTTPS form of an SSH address (Pressroom speaks HTTPS only), and the host credentials are kept for.
 * Pure string work, shared by the git service, the call edge and the renderer.
 */
import type { GitRemote } from '../contract/git-models';

/** The parts of a remote address that matter here; null when it is not a URL or scp-like `user@host:path`. */
interface ParsedRemote {
  scheme: 'http' | 'https' | 'ssh';
  /** Host name, lower case, without credentials or port. */
  hostname: string;
  /** `:port` or ''. */
  port: string;
  /** Path without leading or trailing `/`. */
  path: string;
}

const URL_FORM = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)(?::(\d*))?(\/[^?#]*)?/i;
const SCP_FORM = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.+)$/;

function parseRemote(url: string): ParsedRemote | null {
  const text = url.trim();
  const m = URL_FORM.exec(text);
  if (m) {
    const scheme = m[1].toLowerCase();
    const known = scheme === 'http' || scheme === 'https' ? scheme : scheme === 'ssh' || scheme === 'git+ssh' || scheme === 'ssh+git' ? 'ssh' : null;
    if (!known) return null;
    return { scheme: known, hostname: m[2].toLowerCase(), port: m[3] ? `:${m[3]}` : '', path: trimSlashes(m[4] ?? '') };
  }
  // scp-like `git@host:org/repo.git` (never a Windows drive `C:\…` nor a plain path).
  const s = SCP_FORM.exec(text);
  if (s && s[1].length > 1 && !s[1].includes('\\')) return { scheme: 'ssh', hostname: s[1].toLowerCase(), port: '', path: trimSlashes(s[2]) };
  return null;
}

function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}

function hostKind(hostname: string): GitRemote['host'] {
  if (hostname === 'github.com' || hostname === 'www.github.com') return 'github';
  if (hostname === 'gitlab.com' || hostname.startsWith('gitlab.')) return 'gitlab';
  return 'other';
}

/** True for an address git would reach over SSH (`git@host:org/repo.git`, `ssh://…`), which Pressroom cannot use. */
export function isSshUrl(url: string): boolean {
  return parseRemote(url)?.scheme === 'ssh';
}

/** The HTTPS form of an SSH address (`git@host:org/repo.git` → `https://host/org/repo.git`), null for anything else. */
export function sshToHttps(url: string): string | null {
  const p = parseRemote(url);
  if (!p || p.scheme !== 'ssh' || !p.path) return null;
  return `https://${p.hostname}/${p.path}`;
}

/** A remote as the panel shows it: host kind and the repository's web page (GitHub, GitLab), credentials stripped. */
export function describeRemote(name: string, url: string): GitRemote {
  const p = parseRemote(url);
  const host = p ? hostKind(p.hostname) : 'other';
  let webUrl: string | null = null;
  if (p && host !== 'other' && p.path) {
    const scheme = p.scheme === 'http' ? 'http' : 'https';
    const port = p.scheme === 'ssh' ? '' : p.port;
    webUrl = `${scheme}://${p.hostname}${port}/${p.path.replace(/\.git$/i, '')}`;
  }
  return { name, url: withoutCredentials(url), webUrl, host };
}

/** The address with any `user:token@` removed, so it can be shown or stored. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** Encodes a branch name for a URL path, keeping its `/` separators readable. */
function encodeBranchPath(branch: string): string {
  return encodeURIComponent(branch).replace(/%2F/gi, '/');
}

/**
 * Where the user opens a pull request (GitHub) or merge request (GitLab) for `branch` into `baseBranch`;
 * null for other hosts and when the branch is the base itself.
 */
export function pullRequestUrl(remote: GitRemote, branch: string, baseBranch: string | null): string | null {
  if (!remote.webUrl || !baseBranch || branch === baseBranch) return null;
  if (remote.host === 'github') return `${remote.webUrl}/compare/${encodeBranchPath(baseBranch)}...${encodeBranchPath(branch)}?expand=1`;
  if (remote.host === 'gitlab') {
    return (
      `${remote.webUrl}/-/merge_requests/new?merge_request%5Bsource_branch%5D=${encodeURIComponent(branch)}` +
      `&merge_request%5Btarget_branch%5D=${encodeURIComponent(baseBranch)}`
    );
  }
  return null;
}

/** The host credentials are kept for (`github.com`, `127.0.0.1:8080`): lower case, port kept, no user or path. */
export function hostOf(url: string): string {
  const p = parseRemote(url);
  if (!p) return url.trim().toLowerCase();
  return p.scheme === 'ssh' ? p.hostname : p.hostname + p.port;
}
