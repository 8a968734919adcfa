/**
 * Implements every call of the contract over the services. This is the only place that knows which sites
 * are open in this session, so a document call can never reach a folder the user did not open.
 */
import path from 'node:path';
import type { Handlers } from '../../shared/contract/contract';
import { AppFailure } from '../../shared/contract/errors';
import type { AppInfo, PostEntry, Settings, SiteSummary } from '../../shared/contract/models';
import { checkExternalUrl } from '../../shared/security/external-url';
import type { AppState } from '../services/app-state';
import { readAsset } from '../services/assets';
import { listAssetImages } from '../services/assets';
import { readDocument, saveDocument } from '../services/documents';
import { completePath } from '../services/fs-complete';
import { createSampleSite } from '../services/sample';
import { openSite } from '../services/site';
import { loadFrontMatterSchema } from '../services/site';
import { loadSiteConfig } from '../services/site';
import { createPost } from '../services/posts';
import { readRenderContext } from '../services/site';
import type { EventBus } from './event-bus';

/** What the handlers need from their host; Electron and browser mode differ only in these. */
export interface HandlerDeps {
  appState: AppState;
  bus: EventBus;
  /** The bundled sample site that `sample.create` copies. */
  sampleDir: string;
  /** Pressroom's default post templates; by default the `templates` folder beside the sample site. */
  templatesDir?: string;
  info: AppInfo;
  /** The native folder dialog; absent where there is none (browser mode), which the renderer learns from `info.capabilities`. */
  pickFolder?: (purpose: 'open-site' | 'sample-destination', defaultPath?: string) => Promise<string | null>;
  /** Hands an already checked URL to the operating system; resolves false when nothing could open it. */
  openExternal: (url: string) => Promise<boolean>;
}

/** Progress events at most this often while a site is scanned, so a big site does not flood the transport. */
export const PROGRESS_INTERVAL_MS = 100;

/** The label of the scan's progress events (a key of the renderer's message catalogue). */
export const SCANNING_LABEL = 'progress.scanning';

/** Expands a leading `~` as typed in browser mode's path field; other paths pass through unchanged. */
function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(home, p.slice(2));
  return p;
}

interface OpenSite {
  summary: SiteSummary;
  posts: PostEntry[];
}

/** Creates the handlers; the set of sites opened through them lives as long as they do. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { appState, bus } = deps;
  const openSites = new Map<string, OpenSite>();
  let progressCounter = 0;

  /** Scans a site, reporting progress (throttled) and always a final event, also when the scan fails. */
  async function scan(sitePath: string): Promise<OpenSite> {
    const id = `scan-${Date.now().toString(36)}-${++progressCounter}`;
    let lastEmit = 0;
    let lastDone = 0;
    const onProgress = (done: number, total: number | null) => {
      lastDone = done;
      const now = Date.now();
      if (now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      bus.emit('progress', { id, label: SCANNING_LABEL, done, total, finished: false });
    };
    try {
      const result = await openSite(sitePath, onProgress);
      lastDone = result.posts.length;
      return result;
    } finally {
      bus.emit('progress', { id, label: SCANNING_LABEL, done: lastDone, total: lastDone, finished: true });
    }
  }

  /** The root of a site opened in this session; anything else is refused, whatever the path. */
  function requireOpen(site: string): string {
    if (openSites.has(site)) return site;
    const normalized = path.resolve(site);
    if (openSites.has(normalized)) return normalized;
    throw new AppFailure('not-found', 'This site is not open.', { path: site });
  }

  return {
    'app.info': async () => deps.info,

    'settings.get': () => appState.getSettings(),

    'settings.set': ({ patch }) => appState.updateSettings(patch as Partial<Settings>),

    'recent.list': () => appState.listRecent(),

    'recent.remove': ({ path: sitePath }) => appState.removeRecent(sitePath),

    'dialog.pickFolder': async ({ purpose, defaultPath }) => {
      if (!deps.pickFolder) throw new AppFailure('not-supported', 'There is no folder picker here; type the folder path instead.');
      return deps.pickFolder(purpose, defaultPath);
    },

    'fs.completePath': ({ partial }) => completePath(partial, deps.info.homeDir),

    'site.open': async ({ path: sitePath }) => {
      const opened = await scan(expandHome(sitePath, deps.info.homeDir));
      openSites.set(opened.summary.root, opened);
      try {
        await appState.addRecent(opened.summary.root, opened.summary.name);
      } catch (error) {
        // The site is open; failing to remember it must not take that away from the user.
        console.error('pressroom: could not update the recent sites', error);
      }
      return opened.summary;
    },

    'site.posts': async ({ site, refresh }) => {
      const root = requireOpen(site);
      const cached = openSites.get(root);
      if (!refresh && cached) return cached.posts;
      const rescanned = await scan(root);
      openSites.set(root, rescanned);
      if (rescanned.summary.root !== root) openSites.set(rescanned.summary.root, rescanned);
      return rescanned.posts;
    },

    'sample.create': async ({ destination }) => {
      let parent = destination;
      if (!parent) parent = (await appState.getSettings()).sampleDestination || deps.info.documentsDir;
      return { path: await createSampleSite(deps.sampleDir, expandHome(parent, deps.info.homeDir)) };
    },

    'document.read': async ({ site, path: rel }) => readDocument(requireOpen(site), rel),

    'document.save': async ({ site, path: rel, text, baseVersion }) => saveDocument(requireOpen(site), rel, text, baseVersion),

    'site.renderContext': async ({ site }) => {
      const root = requireOpen(site);
      const opened = openSites.get(root)!;
      return readRenderContext(root, opened.summary.assetSources, opened.posts);
    },

    'asset.read': async ({ site, path: rel }) => {
      const root = requireOpen(site);
      return readAsset(root, openSites.get(root)!.summary.assetSources, rel);
    },

    'asset.list': async ({ site }) => {
      const root = requireOpen(site);
      return listAssetImages(root, openSites.get(root)!.summary.assetSources);
    },

    'site.frontMatterSchema': async ({ site }) => {
      const root = requireOpen(site);
      return loadFrontMatterSchema(root, await loadSiteConfig(root), openSites.get(root)!.posts);
    },

    'post.create': async ({ site, title, date, languages, category, slug }) => {
      const root = requireOpen(site);
      const templatesDir = deps.templatesDir ?? path.join(path.dirname(deps.sampleDir), 'templates');
      const existingPosts = openSites.get(root)!.posts.map((p) => p.path);
      const created = await createPost(root, await loadSiteConfig(root), { title, date, languages, category, slug }, { templatesDir, existingPosts });
      try {
        // The list the renderer asks for next must show the new post.
        openSites.set(root, await scan(root));
      } catch (error) {
        console.error('pressroom: could not list the posts again after creating one', error);
      }
      return created;
    },

    'shell.openExternal': async ({ url }) => {
      const checked = checkExternalUrl(url);
      if (!checked.ok) throw new AppFailure('refused', checked.reason);
      return { opened: await deps.openExternal(checked.url) };
    },
  };
}
