/**
 * The one contract between the renderer and main: every call with its argument schema and result type,
 * and every event main sends. Electron IPC and browser mode are both derived from this table.
 */
import type { Result } from './errors';
import type {
  AppInfo,
  FrontMatterSchema,
  DocumentSnapshot,
  FileChangedEvent,
  PathCompletion,
  PostEntry,
  ProgressEvent,
  RecentSite,
  SaveResult,
  Settings,
  SiteSummary,
  AssetData,
  AssetListing,
  SiteRenderContext,
} from './models';
import { bool, type Infer, list, num, obj, oneOf, optional, type Schema, str, text } from './schema';

/** Declares a call: the schema of its arguments and (as a phantom) the type of its result. */
function call<A, R>(args: Schema<A>): { args: Schema<A>; result?: R } {
  return { args };
}

const sitePath = str({ min: 1, max: 4096 });
const relPath = str({ min: 1, max: 4096 });

/** Settings a caller may change; each is optional so a patch names only what changed. */
const settingsPatch = obj({
  uiLanguage: optional(oneOf(['system', 'en', 'de'] as const)),
  theme: optional(oneOf(['system', 'light', 'dark'] as const)),
  authorName: optional(str({ max: 200 })),
  authorEmail: optional(str({ max: 320 })),
  sampleDestination: optional(str({ max: 4096 })),
  signOffCommits: optional(bool()),
  autosaveSeconds: optional(num({ int: true, min: 0, max: 3600 })),
});

/** The table of calls. Names are `area.verb`; a site is named by the root path `site.open` returned. */
export const calls = {
  'app.info': call<Record<string, never>, AppInfo>(obj({})),
  'settings.get': call<Record<string, never>, Settings>(obj({})),
  'settings.set': call<{ patch: Infer<typeof settingsPatch> }, Settings>(obj({ patch: settingsPatch })),
  'recent.list': call<Record<string, never>, RecentSite[]>(obj({})),
  'recent.remove': call<{ path: string }, RecentSite[]>(obj({ path: sitePath })),
  'dialog.pickFolder': call<{ purpose: 'open-site' | 'sample-destination'; defaultPath?: string }, string | null>(
    obj({ purpose: oneOf(['open-site', 'sample-destination'] as const), defaultPath: optional(str()) }),
  ),
  'fs.completePath': call<{ partial: string }, PathCompletion[]>(obj({ partial: str({ max: 4096 }) })),
  'site.open': call<{ path: string }, SiteSummary>(obj({ path: sitePath })),
  /** The posts of an open site: those read by `site.open`, or read afresh with `refresh`. */
  'site.posts': call<{ site: string; refresh?: boolean }, PostEntry[]>(obj({ site: sitePath, refresh: optional(bool()) })),
  'sample.create': call<{ destination?: string }, { path: string }>(obj({ destination: optional(str()) })),
  'document.read': call<{ site: string; path: string }, DocumentSnapshot>(obj({ site: sitePath, path: relPath })),
  'document.save': call<{ site: string; path: string; text: string; baseVersion: string }, SaveResult>(
    obj({ site: sitePath, path: relPath, text: text(), baseVersion: str({ max: 200 }) }),
  ),
  'shell.openExternal': call<{ url: string }, { opened: boolean }>(obj({ url: str({ max: 8192 }) })),
  /** The site's front-matter form: `.pressroom.yml` merged over the fields and values its posts already use. */
  'site.frontMatterSchema': call<{ site: string }, FrontMatterSchema>(obj({ site: sitePath })),
  /** Creates a new post from a template, one file per language, in the site's post folders; never overwrites. */
  'post.create': call<{ site: string; title: string; date: string; languages: string[]; category: string; slug?: string }, { paths: string[] }>(
    obj({
      site: sitePath,
      title: str({ min: 1, max: 500 }),
      date: str({ pattern: /^\d{4}-\d{2}-\d{2}$/ }),
      languages: list(str({ min: 1, max: 35 }), 50),
      category: str({ max: 200 }),
      slug: optional(str({ max: 200 })),
    }),
  ),
  /** What the preview's Liquid step sees of an open site: config, data, asset folders and post URLs. */
  'site.renderContext': call<{ site: string }, SiteRenderContext>(obj({ site: sitePath })),
  /** An image from one of the site's asset folders (checked: inside the site and an asset folder, an image, not too big). */
  'asset.read': call<{ site: string; path: string }, AssetData>(obj({ site: sitePath, path: relPath })),
  /** The images in the site's asset folders (names and sizes, at most 5,000), for picking a header image or avatar. */
  'asset.list': call<{ site: string }, AssetListing>(obj({ site: sitePath })),
} as const;

/** The events main sends to the renderer, by name. */
export interface Events {
  progress: ProgressEvent;
  'file.changed': FileChangedEvent;
}

/** Event names, for registering the transports' listeners. */
export const EVENT_NAMES = ['progress', 'file.changed'] as const satisfies readonly (keyof Events)[];

/** The name of a call. */
export type CallName = keyof typeof calls;
/** The arguments of a call. */
export type CallArgs<K extends CallName> = Infer<(typeof calls)[K]['args']>;
/** The result of a call when it succeeds. */
export type CallResult<K extends CallName> = Exclude<(typeof calls)[K]['result'], undefined>;

/** The list of call names, for registering every call on a transport. */
export const CALL_NAMES = Object.keys(calls) as CallName[];

/** What main implements: one async handler per call. Services throw AppFailure; the transport edge turns it into data. */
export type Handlers = { [K in CallName]: (args: CallArgs<K>) => Promise<CallResult<K>> };

/** What the renderer holds: one method per call, each resolving to a Result, never throwing. */
export type Api = { [K in CallName]: (args: CallArgs<K>) => Promise<Result<CallResult<K>>> };

/** Checks a call name arriving from a transport. */
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

/** Validates a call's arguments against its schema; returns the problems (empty when valid). */
export function checkArgs(name: CallName, args: unknown): string[] {
  return calls[name].args.check(args, 'args');
}
