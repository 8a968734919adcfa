/**
 * `pressroom git`: the git panel's everyday steps from a terminal (status, commit, push, pull, branch) with the
 * app's own git engine, so they work on machines without `git` installed. Name and e-mail come from the app's
 * settings, else the repository's or the user's git config; credentials from PRESSROOM_GIT_USER/PRESSROOM_GIT_TOKEN.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure, messageOf } from '../../shared/contract/errors';
import type { GitChange, GitPullResult, GitStatus } from '../../shared/contract/git-models';
import { hostOf } from '../../shared/git/remote-url';
import { appDataDir, createAppState } from '../services/app-state';
import {
  type AuthProvider,
  commitStaged,
  createBranch,
  createCredentialStore,
  envCredentials,
  type Identity,
  openRepo,
  pull,
  push,
  readStatus,
  type Repo,
  resolveIdentity,
  stagePaths,
} from '../services/git';

/** Where the command writes (the CLI's streams, or a test's). */
export interface GitIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The help of `pressroom git`. */
export const GIT_HELP = `Usage: pressroom git status <site> [--json]
       pressroom git commit <site> -m <message> [--signoff] <path>…
       pressroom git push <site>
       pressroom git pull <site> [--merge]
       pressroom git branch <site> <name> [--from <branch>]

Works with the git repository of the site in the folder <site>, using Pressroom's own git (no git
program needed).

Commands:
  status   List the changed files: staged, kind (new, changed, deleted, renamed) and path.
  commit   Stage exactly the named files (paths relative to <site>, or absolute) and commit only
           them. Refuses when other files are already staged, so nothing unnamed slips in.
  push     Send the current branch to its remote (setting its upstream the first time); never forces.
  pull     Get the remote's changes. A branch that has diverged is merged only with --merge.
  branch   Create branch <name> from the default branch (or --from) and switch to it; uncommitted
           changes come along.

Options:
  --json            With status, print the status as JSON.
  -m, --message     The commit message: the first line is the summary, the rest the description.
  --signoff         Add a "Signed-off-by:" line with your name and e-mail.
  --merge           With pull, merge a branch that has diverged.
  --from <branch>   With branch, start from this branch, tag or commit.
  -h, --help        Show this help.

Name and e-mail: Pressroom's settings, else user.name/user.email of the repository or your git config.
Credentials: PRESSROOM_GIT_TOKEN (a personal access token) and PRESSROOM_GIT_USER (default
"x-access-token"), else those remembered by the app with its app key.

Exit status: 0 on success, 1 when the git step failed, 2 for a bad command line.
`;

class Usage extends Error {}

type Values = Record<string, string | boolean | undefined>;

function parse(args: string[]): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        message: { type: 'string', short: 'm' },
        signoff: { type: 'boolean', short: 's' },
        merge: { type: 'boolean' },
        from: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new Usage(messageOf(error));
  }
}

/** Options that only one command takes are refused elsewhere, so a typo is not silently ignored. */
function onlyFor(values: Values, command: string, allowed: string[]): void {
  for (const name of ['json', 'message', 'signoff', 'merge', 'from']) {
    if (values[name] !== undefined && !allowed.includes(name)) throw new Usage(`--${name} does not go with "git ${command}"`);
  }
}

async function siteRepo(site: string | undefined): Promise<Repo> {
  if (site === undefined) throw new Usage('the folder of a site is needed');
  const stat = await fs.stat(site).catch(() => null);
  if (!stat?.isDirectory()) throw new AppFailure('not-found', `There is no folder at ${site}.`, { path: site });
  return openRepo(site);
}

/** Name and e-mail as the app would commit with them. */
async function identityOf(repo: Repo, env: NodeJS.ProcessEnv): Promise<Identity> {
  const settings = await createAppState(appDataDir(env), { sampleDestination: '' }).getSettings();
  const found = await resolveIdentity(repo, { authorName: settings.authorName, authorEmail: settings.authorEmail });
  if (!found) {
    throw new AppFailure('identity-missing', 'Pressroom needs your name and e-mail address: set them in the app\'s settings, or user.name and user.email in git config.');
  }
  return found;
}

/** The environment's token first, then credentials the app remembered with its app key; asked once per push or pull. */
function cliAuth(env: NodeJS.ProcessEnv): AuthProvider {
  const dir = appDataDir(env);
  const store = createCredentialStore({ file: path.join(dir, 'git-credentials.json'), keyFile: path.join(dir, 'git-credentials.key') });
  return async (url, attempt) => {
    if (attempt >= 1) return null;
    const known = envCredentials(env) ?? (await store.get(hostOf(url)));
    return known ? { username: known.username, password: known.token } : null;
  };
}

function changeLine(c: GitChange): string {
  const staged = c.conflicted ? 'conflict' : c.staged === 'yes' ? 'staged' : c.staged === 'partly' ? 'partly' : '';
  const where = c.oldPath ? `${c.oldPath} → ${c.path}` : c.path;
  return `${staged.padEnd(8)}  ${c.kind.padEnd(8)}  ${where}`;
}

/** The status for people: branch, distance to the upstream, then one line per changed file. */
export function formatStatus(status: GitStatus): string {
  const lines: string[] = [];
  const branch = status.branch ?? `detached at ${status.detachedAt ?? '?'}`;
  let head = `On branch ${branch}`;
  if (status.upstream) head += `, tracking ${status.upstream} (${status.ahead} to push, ${status.behind} to pull)`;
  else if (status.hasCommits) head += ', not pushed yet';
  else head += ', no commits yet';
  lines.push(head);
  if (status.operation) lines.push(`A ${status.operation} is in progress.`);
  if (status.changes.length === 0) lines.push('No changes.');
  for (const c of status.changes) lines.push(changeLine(c));
  return `${lines.join('\n')}\n`;
}

/** The named paths as repository paths; each must lie inside the repository. */
async function repoPaths(repo: Repo, site: string, given: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of given) {
    const abs = path.resolve(site, p);
    // The file may be deleted; its folder (or the repository root above it) is what must be real.
    const parent = await fs.realpath(path.dirname(abs)).catch(() => path.dirname(abs));
    const rel = path.relative(repo.dir, path.join(parent, path.basename(abs)));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new AppFailure('outside-site', `${p} is not inside the repository ${repo.dir}.`, { path: p });
    }
    out.push(rel.split(path.sep).join('/'));
  }
  return out;
}

async function runCommit(site: string | undefined, paths: string[], values: Values, io: GitIo, env: NodeJS.ProcessEnv): Promise<number> {
  const message = typeof values.message === 'string' ? values.message.replace(/\r\n?/g, '\n').trim() : '';
  if (!message) throw new Usage('commit needs a message: -m <message>');
  if (paths.length === 0) throw new Usage('commit needs the paths of the files to commit');
  const repo = await siteRepo(site);
  const wanted = new Set(await repoPaths(repo, site as string, paths));
  const status = await readStatus(repo);
  const byPath = new Map(status.changes.map((c) => [c.path, c]));
  const unchanged = [...wanted].filter((p) => !byPath.has(p));
  if (unchanged.length > 0) throw new AppFailure('nothing-staged', `Nothing to commit in ${unchanged.join(', ')}: no changes.`, { paths: unchanged });
  const others = status.changes.filter((c) => c.staged !== 'no' && !wanted.has(c.path)).map((c) => c.path);
  if (others.length > 0) {
    throw new AppFailure('refused', `Other files are already staged and would be committed too: ${others.join(', ')}. Unstage them first, or name them as well.`, {
      paths: others,
    });
  }
  const identity = await identityOf(repo, env);
  // A rename's old path goes along, so the commit records the move and not a copy.
  const toStage = [...wanted, ...[...wanted].map((p) => byPath.get(p)?.oldPath).filter((p): p is string => !!p)];
  await stagePaths(repo, toStage);
  const [summary, ...rest] = message.split('\n');
  const description = rest.join('\n').trim();
  const commit = await commitStaged(repo, { summary: summary.trim(), description: description || undefined, signOff: values.signoff === true, identity });
  io.stdout(`[${status.branch ?? 'detached'} ${commit.oid.slice(0, 7)}] ${commit.summary}\n`);
  return 0;
}

function describePull(result: GitPullResult): { text: string; ok: boolean } {
  switch (result.kind) {
    case 'up-to-date':
      return { text: 'Already up to date.', ok: true };
    case 'fast-forward':
      return { text: `Updated: ${result.commits} new commit${result.commits === 1 ? '' : 's'}.`, ok: true };
    case 'merged':
      return { text: `Merged ${result.commits} commit${result.commits === 1 ? '' : 's'} from the remote.`, ok: true };
    case 'diverged':
      return { text: `The branch and its remote have diverged (${result.ahead} to push, ${result.behind} to pull). Nothing changed; run "pressroom git pull --merge" to merge.`, ok: false };
    case 'conflict':
      return { text: `The merge has conflicts in: ${result.paths.join(', ')}. Resolve them and commit, or abort the merge in the app.`, ok: false };
  }
}

/** Runs `pressroom git …` and resolves to the exit code; never throws. */
export async function runGit(args: string[], io: GitIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const [command, ...rest] = args;
    const { values, positionals } = parse(rest);
    if (values.help || command === undefined || command === '-h' || command === '--help' || command === 'help') {
      if (command === undefined) throw new Usage('a git command is needed');
      io.stdout(GIT_HELP);
      return 0;
    }
    const [site, ...more] = positionals;
    switch (command) {
      case 'status': {
        onlyFor(values, command, ['json']);
        if (more.length > 0) throw new Usage(`unexpected argument "${more[0]}"`);
        const status = await readStatus(await siteRepo(site));
        io.stdout(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
        return 0;
      }
      case 'commit':
        onlyFor(values, command, ['message', 'signoff']);
        return await runCommit(site, more, values, io, env);
      case 'push': {
        onlyFor(values, command, []);
        if (more.length > 0) throw new Usage(`unexpected argument "${more[0]}"`);
        const result = await push(await siteRepo(site), { auth: cliAuth(env) });
        io.stdout(`Pushed ${result.branch} to ${result.remote}${result.setUpstream ? ' (now its upstream)' : ''}.\n`);
        if (result.pullRequestUrl) io.stdout(`Open a pull request: ${result.pullRequestUrl}\n`);
        return 0;
      }
      case 'pull': {
        onlyFor(values, command, ['merge']);
        if (more.length > 0) throw new Usage(`unexpected argument "${more[0]}"`);
        const repo = await siteRepo(site);
        const result = await pull(repo, { merge: values.merge === true, auth: cliAuth(env), identity: () => identityOf(repo, env) });
        const { text, ok } = describePull(result);
        (ok ? io.stdout : io.stderr)(ok ? `${text}\n` : `pressroom: ${text}\n`);
        return ok ? 0 : 1;
      }
      case 'branch': {
        onlyFor(values, command, ['from']);
        if (more.length !== 1) throw new Usage(more.length === 0 ? 'branch needs the name of the new branch' : `unexpected argument "${more[1]}"`);
        await createBranch(await siteRepo(site), more[0], typeof values.from === 'string' ? values.from : undefined);
        io.stdout(`Switched to the new branch ${more[0]}.\n`);
        return 0;
      }
      default:
        throw new Usage(`there is no git command "${command}"`);
    }
  } catch (error) {
    if (error instanceof Usage) {
      io.stderr(`pressroom: ${error.message}\n\n${GIT_HELP}`);
      return 2;
    }
    io.stderr(`pressroom: ${error instanceof AppFailure ? error.message : messageOf(error)}\n`);
    return 1;
  }
}
