/**
 * `git.*`: the git panel's calls over the git service. Site-bound calls name a site opened in this session; each
 * site keeps one status tracker, told about the watcher's file changes so `git.status` stays cheap. Every call
 * that changes the repository says so with `git.changed` (and `file.changed` with path '' when it rewrote files,
 * so open documents reload). Tokens live in the credential store and never cross the contract.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AreaHandlers, Events } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import type { GitStatus } from '../../../shared/contract/git-models';
import { hostOf } from '../../../shared/git/remote-url';
import {
  abortMerge,
  addSignOffs,
  type AuthProvider,
  cloneRepo,
  commitStaged,
  createBranch,
  createCredentialStore,
  type CredentialStore,
  createStatusTracker,
  type Identity,
  initRepo,
  listBranches,
  openRepo,
  pull,
  push,
  readDiff,
  type Repo,
  repoPath,
  resolveIdentity,
  stagePaths,
  type StatusTracker,
  switchBranch,
  unsignedCommits,
  unstagePaths,
} from '../../services/git';
import type { EventBus } from '../event-bus';
import { type CallContext, expandHome } from './call-context';
import { progressOf } from './progress';

/** How long file changes settle before the panel is told to refresh (a save touches a file more than once). */
export const GIT_CHANGED_DEBOUNCE_MS = 150;

/** Progress labels (keys of the renderer's message catalogue). */
export const GIT_PROGRESS_LABELS = {
  clone: 'progress.cloning',
  pull: 'progress.pulling',
  push: 'progress.pushing',
  status: 'progress.gitStatus',
} as const;

/** The engine's progress report (isomorphic-git's GitProgressEvent). */
interface EngineProgress {
  phase: string;
  loaded: number;
  total?: number;
}

/** Runs a long git task with throttled `progress` events and always a final one, also when it fails. */
async function withProgress<T>(bus: EventBus, label: string, work: (onProgress: (p: EngineProgress) => void) => Promise<T>): Promise<T> {
  const progress = progressOf(bus, label, 'git');
  try {
    return await work((p) => progress.report(p.loaded, p.total ?? null));
  } finally {
    progress.finish();
  }
}

/** Reads the status; only a read that reports progress (a full one) shows up as a progress bar. */
async function statusWithProgress(bus: EventBus, tracker: StatusTracker): Promise<GitStatus> {
  const shown: { progress?: ReturnType<typeof progressOf> } = {};
  try {
    return await tracker.get({
      onProgress: ({ done, total }) => {
        shown.progress ??= progressOf(bus, GIT_PROGRESS_LABELS.status, 'git');
        shown.progress.report(done, total);
      },
    });
  } finally {
    shown.progress?.finish();
  }
}

/** The store behind the credential calls: the host's, else `git-credentials.json` beside the settings. */
export function defaultCredentialStore(ctx: Pick<CallContext, 'appState' | 'secretBox'>): CredentialStore {
  return createCredentialStore({
    file: path.join(ctx.appState.dir, 'git-credentials.json'),
    keyFile: path.join(ctx.appState.dir, 'git-credentials.key'),
    box: ctx.secretBox ?? null,
  });
}

/** Answers a remote's request for credentials once from the store; a second request means they were refused. */
export function authFromStore(store: CredentialStore): AuthProvider {
  return async (url, attempt) => {
    if (attempt >= 1) return null;
    const known = await store.get(hostOf(url));
    return known ? { username: known.username, password: known.token } : null;
  };
}

/** The `git.*` calls; the returned handlers also follow the watcher's `file.changed` events on `ctx.bus`. */
export function createGitCalls(ctx: CallContext): AreaHandlers<'git'> {
  const { bus, sites } = ctx;
  const store = ctx.credentials ?? defaultCredentialStore(ctx);
  const auth = authFromStore(store);
  interface SiteGit {
    repo: Repo;
    tracker: StatusTracker;
  }
  const opening = new Map<string, Promise<SiteGit>>();
  const ready = new Map<string, SiteGit>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let ownFileEvent = false;

  /** The repository and tracker of an open site, opened once; a site that is no repository is asked again next time. */
  function siteGit(site: string): Promise<SiteGit> {
    const { root } = sites.require(site);
    let pending = opening.get(root);
    if (!pending) {
      pending = openRepo(root).then((repo) => {
        const entry = { repo, tracker: createStatusTracker(repo) };
        ready.set(root, entry);
        return entry;
      });
      opening.set(root, pending);
      const settled = pending;
      settled.catch(() => {
        if (opening.get(root) === settled) opening.delete(root);
      });
    }
    return pending;
  }

  /**
   * Tells the panel (now) and, with `rewroteFiles`, open documents that the repository changed. The tracker sees a
   * rewritten index or a moved HEAD by itself; `touched` names what it cannot see (files a switch or pull rewrote: 'all').
   */
  function changed(root: string, entry: SiteGit, touched: string[] | 'all' | null = null, rewroteFiles = false): void {
    if (touched) entry.tracker.invalidate(touched);
    bus.emit('git.changed', { site: root });
    if (!rewroteFiles) return;
    ownFileEvent = true;
    try {
      bus.emit('file.changed', { site: root, path: '', kind: 'changed' });
    } finally {
      ownFileEvent = false;
    }
  }

  bus.subscribe((message) => {
    if (message.name !== 'file.changed' || ownFileEvent) return;
    const { site, path: rel } = message.payload as Events['file.changed'];
    const entry = ready.get(site);
    if (!entry) return;
    entry.tracker.invalidate(rel === '' ? 'all' : [repoPath(entry.repo, rel)]);
    clearTimeout(timers.get(site));
    const timer = setTimeout(() => {
      timers.delete(site);
      bus.emit('git.changed', { site });
    }, GIT_CHANGED_DEBOUNCE_MS);
    timer.unref?.();
    timers.set(site, timer);
  });

  /** Runs a call that changes the repository, then reports the change and answers with the fresh status. */
  async function changing(site: string, work: (repo: Repo) => Promise<unknown>, touched: string[] | 'all' | null, rewroteFiles = false): Promise<GitStatus> {
    const { root } = sites.require(site);
    const entry = await siteGit(site);
    try {
      await work(entry.repo);
    } finally {
      // Also after a failure: a refused switch or pull may have changed part of the repository.
      changed(root, entry, touched, rewroteFiles);
    }
    return statusWithProgress(bus, entry.tracker);
  }

  async function identity(repo: Repo): Promise<Identity> {
    const settings = await ctx.appState.getSettings();
    const found = await resolveIdentity(repo, { authorName: settings.authorName, authorEmail: settings.authorEmail });
    if (!found) {
      throw new AppFailure('identity-missing', 'Pressroom needs your name and e-mail address for the commit. Enter them in the settings.', {
        suggestion: 'settings',
      });
    }
    return found;
  }

  /** The host credentials are kept for: the `url`'s, else the host of the site's remote. */
  async function hostFor({ site, url }: { site?: string | null; url?: string | null }): Promise<string> {
    if (url) return hostOf(url);
    if (site === undefined || site === null) throw new AppFailure('invalid-arguments', 'Name a site or the address of a repository.');
    const status = await (await siteGit(site)).tracker.get();
    if (!status.remote) throw new AppFailure('not-found', 'This repository has no remote to send changes to.');
    return hostOf(status.remote.url);
  }

  return {
    'git.status': async ({ site }) => statusWithProgress(bus, (await siteGit(site)).tracker),
    'git.init': async ({ site }) => {
      const { root } = sites.require(site);
      const repo = await initRepo(root);
      const entry = { repo, tracker: createStatusTracker(repo) };
      opening.set(root, Promise.resolve(entry));
      ready.set(root, entry);
      changed(root, entry);
      return statusWithProgress(bus, entry.tracker);
    },
    'git.diff': async ({ site, path: p }) => {
      // A renamed file's "before" is its old path's last commit; the status (cheap when nothing changed) pairs them.
      const { repo, tracker } = await siteGit(site);
      const change = (await tracker.get()).changes.find((c) => c.path === p);
      return readDiff(repo, p, change?.oldPath ?? null);
    },
    'git.stage': ({ site, paths }) => changing(site, (repo) => stagePaths(repo, paths), paths),
    'git.unstage': ({ site, paths }) => changing(site, (repo) => unstagePaths(repo, paths), paths),
    'git.commit': async ({ site, summary, description, signOff }) => {
      const { root } = sites.require(site);
      const entry = await siteGit(site);
      const who = await identity(entry.repo);
      try {
        return await commitStaged(entry.repo, { summary, description: description ?? undefined, signOff, identity: who });
      } finally {
        changed(root, entry);
      }
    },
    'git.branches': async ({ site }) => listBranches((await siteGit(site)).repo),
    'git.createBranch': ({ site, name, from }) => changing(site, (repo) => createBranch(repo, name, from ?? undefined), 'all', true),
    'git.switchBranch': ({ site, name }) => changing(site, (repo) => switchBranch(repo, name), 'all', true),
    'git.pull': async ({ site, merge }) => {
      const { root } = sites.require(site);
      const entry = await siteGit(site);
      // Until the pull answers, assume it touched files (a failure half way may have); only a clean answer narrows that.
      let touched: 'all' | null = 'all';
      let rewrote = false;
      try {
        const result = await withProgress(bus, GIT_PROGRESS_LABELS.pull, (onProgress) => pull(entry.repo, { merge: merge ?? false, auth, identity: () => identity(entry.repo), onProgress }));
        rewrote = result.kind === 'fast-forward' || result.kind === 'merged' || result.kind === 'conflict';
        if (!rewrote) touched = null;
        return result;
      } finally {
        changed(root, entry, touched, rewrote);
      }
    },
    'git.abortMerge': ({ site }) => changing(site, (repo) => abortMerge(repo), 'all', true),
    'git.push': async ({ site }) => {
      const { root } = sites.require(site);
      const entry = await siteGit(site);
      try {
        return await withProgress(bus, GIT_PROGRESS_LABELS.push, (onProgress) => push(entry.repo, { auth, onProgress }));
      } finally {
        changed(root, entry);
      }
    },
    'git.unsignedCommits': async ({ site }) => unsignedCommits((await siteGit(site)).repo),
    'git.addSignOff': async ({ site }) => {
      const { root } = sites.require(site);
      const entry = await siteGit(site);
      const who = await identity(entry.repo);
      try {
        return await addSignOffs(entry.repo, who);
      } finally {
        changed(root, entry);
      }
    },
    'git.clone': async ({ url, destination }) => {
      const dest = path.resolve(expandHome(destination.trim(), ctx.info.homeDir));
      const stat = await fs.stat(dest).catch(() => null);
      if (!stat?.isDirectory()) throw new AppFailure('not-found', `There is no folder at ${dest}.`, { path: dest });
      return withProgress(bus, GIT_PROGRESS_LABELS.clone, (onProgress) => cloneRepo({ url, destination: dest, auth, onProgress }));
    },
    'git.credentials': async (args) => store.info(await hostFor(args)),
    'git.setCredentials': async ({ username, token, remember, ...where }) => store.set(await hostFor(where), { username, token }, remember),
    'git.forgetCredentials': async (args) => store.forget(await hostFor(args)),
  };
}
