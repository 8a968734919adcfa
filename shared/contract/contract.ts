/**
 * The one contract between the renderer and main: every call with its argument schema and result type,
 * and every event main sends. Electron IPC and browser mode are both derived from this table.
 */
import type { Result } from './errors';
import type {
  AppInfo,
  FrontMatterSchema,
  DocumentSnapshot,
  PathCompletion,
  PostEntry,
  RecentSite,
  RecoveredDocument,
  SaveResult,
  Session,
  Settings,
  SiteSummary,
  AssetData,
  AssetListing,
  SiteRenderContext,
} from './models';
import type { ExportDefaults, ExportHtml, ExportResult } from './export-models';
import type { FigureBrowse, ImportedFigure, StagedFigure } from './figure-models';
import type { GitBranches, GitCommitSummary, GitCredentialInfo, GitDiff, GitPullResult, GitPushResult, GitStatus } from './git-models';
import { bool, check, type Checked, type Infer, list, nullable, num, obj, oneOf, optional, type Schema, str, text } from './schema';

/** A call's entry in the table: the schema of its arguments and, as a phantom, the type of its result. */
export interface CallSpec<S extends Schema, R> {
  args: S;
  /** Phantom field for type inference only; never set. */
  readonly result?: R;
}

/**
 * Declares a call from its argument schema: `call(obj({...})).returns<Result>()`. The argument type is
 * inferred from the schema, so it is written once and cannot drift from what the edge checks.
 */
function call<S extends Schema>(args: S): { returns<R>(): CallSpec<S, R> } {
  return { returns: () => ({ args }) };
}

/** An event's entry in the table: the schema of its payload, checked when main sends it and when the window gets it. */
export interface EventSpec<S extends Schema> {
  payload: S;
}

/** Declares an event from its payload schema; the payload type is inferred from it. */
function event<S extends Schema>(payload: S): EventSpec<S> {
  return { payload };
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
  autosave: optional(bool()),
  autosaveSeconds: optional(num({ int: true, min: 0, max: 3600 })),
  exportFolder: optional(str({ max: 4096 })),
  exportPageSize: optional(oneOf(['A4', 'Letter'] as const)),
});

const exportFormat = oneOf(['html', 'pdf'] as const);

/** The table of calls. Names are `area.verb`; a site is named by the root path `site.open` returned. */
export const calls = {
  'app.info': call(obj({})).returns<AppInfo>(),
  'settings.get': call(obj({})).returns<Settings>(),
  'settings.set': call(obj({ patch: settingsPatch })).returns<Settings>(),
  'recent.list': call(obj({})).returns<RecentSite[]>(),
  'recent.remove': call(obj({ path: sitePath })).returns<RecentSite[]>(),
  'dialog.pickFolder': call(obj({ purpose: oneOf(['open-site', 'sample-destination', 'clone-destination', 'export-destination'] as const), defaultPath: optional(str()) })).returns<string | null>(),
  'fs.completePath': call(obj({ partial: str({ max: 4096 }) })).returns<PathCompletion[]>(),
  'site.open': call(obj({ path: sitePath })).returns<SiteSummary>(),
  /** The posts of an open site: those read by `site.open`, or read afresh with `refresh`. */
  'site.posts': call(obj({ site: sitePath, refresh: optional(bool()) })).returns<PostEntry[]>(),
  'sample.create': call(obj({ destination: optional(str()) })).returns<{ path: string }>(),
  'document.read': call(obj({ site: sitePath, path: relPath })).returns<DocumentSnapshot>(),
  'document.save': call(obj({ site: sitePath, path: relPath, text: text(), baseVersion: str({ max: 200 }) })).returns<SaveResult>(),
  /** Writes a new file ("Save as…", or a post deleted on disk saved again); never replaces an existing one. */
  'document.create': call(obj({ site: sitePath, path: relPath, text: text() })).returns<SaveResult>(),
  'shell.openExternal': call(obj({ url: str({ max: 8192 }) })).returns<{ opened: boolean }>(),
  /** The site's front-matter form: `.pressroom.yml` merged over the fields and values its posts already use. */
  'site.frontMatterSchema': call(obj({ site: sitePath })).returns<FrontMatterSchema>(),
  /**
   * Creates a new post from a template: one file per entry (its language, title, folder under the site's posts folder
   * and `YYYY-MM-DD-slug.md` name, as the dialog showed them). All or nothing; never overwrites.
   */
  'post.create': call(
    obj({
      site: sitePath,
      date: str({ pattern: /^\d{4}-\d{2}-\d{2}$/ }),
      category: str({ max: 200 }),
      posts: list(
        obj({
          /** Absent on a site without languages. */
          language: optional(str({ min: 1, max: 35 })),
          title: str({ min: 1, max: 500 }),
          /** Site-relative, e.g. `_i18n/en/_posts/announcements`. */
          folder: str({ min: 1, max: 1000 }),
          fileName: str({ min: 1, max: 255 }),
        }),
        50,
      ),
    }),
  ).returns<{ paths: string[] }>(),
  /**
   * Renames posts that are not committed yet, together (a release and its translations): each move keeps its folder,
   * all or nothing, never over an existing file; a symlinked translation is pointed at its original's new name.
   * Refused (`refused`) for a file the repository's last commit has: its published address would change.
   */
  'post.rename': call(obj({ site: sitePath, moves: list(obj({ from: relPath, to: relPath }), 20) })).returns<{ paths: string[] }>(),
  /**
   * Creates the missing translation of a release: the same file name in the same folder under `_i18n/<language>/`, the
   * source's front matter without its language-specific text (excerpt, description…), and an empty body. Never overwrites.
   */
  'post.addTranslation': call(obj({ site: sitePath, path: relPath, language: str({ min: 1, max: 35 }) })).returns<{ path: string }>(),
  /** Replaces a symlinked translation with a real copy of the text it points to, to translate; refused for a plain file. */
  'post.translate': call(obj({ site: sitePath, path: relPath })).returns<{ path: string; version: string }>(),
  /** One post's list entry as it is on disk now, so the list follows a save (title, date, category) without rescanning the site. */
  'site.post': call(obj({ site: sitePath, path: relPath })).returns<PostEntry>(),
  /** What the preview's Liquid step sees of an open site: config, data, asset folders and post URLs. */
  'site.renderContext': call(obj({ site: sitePath })).returns<SiteRenderContext>(),
  /** An image from one of the site's asset folders (checked: inside the site and an asset folder, an image, not too big). */
  'asset.read': call(obj({ site: sitePath, path: relPath })).returns<AssetData>(),
  /** The images in the site's asset folders (names and sizes, at most 5,000), for picking a header image or avatar. */
  'asset.list': call(obj({ site: sitePath })).returns<AssetListing>(),
  /** Keeps a document's unsaved text (exactly as typed) in the app-data folder, with the version it was based on. */
  'recovery.put': call(obj({ site: sitePath, path: relPath, text: text(16 * 1024 * 1024), baseVersion: str({ max: 200 }) })).returns<{ savedAt: string }>(),
  /** The kept texts of an open site, each with the file's version on disk now; texts the disk already holds are dropped. */
  'recovery.list': call(obj({ site: sitePath })).returns<RecoveredDocument[]>(),
  /** Forgets a document's kept text (the user discarded it; a save forgets it by itself). */
  'recovery.discard': call(obj({ site: sitePath, path: relPath })).returns<{ removed: boolean }>(),
  /** What was open when Pressroom last ran (site and tabs), or null. */
  'session.get': call(obj({})).returns<Session | null>(),
  /** Records the open site and its tabs; `site` null when the user closed it. */
  'session.put': call(obj({ site: nullable(sitePath), tabs: list(relPath, 100), active: nullable(relPath) })).returns<null>(),
  /** The site's repository: branch, upstream distance, changed files (refreshed from the watcher's paths, full in the background). */
  'git.status': call(obj({ site: sitePath })).returns<GitStatus>(),
  /** Makes the site a repository (branch `main`); only when the user asked, never by itself. */
  'git.init': call(obj({ site: sitePath })).returns<GitStatus>(),
  /** A changed file as committed and as it is now, for the diff view; `path` is relative to the repository. */
  'git.diff': call(obj({ site: sitePath, path: relPath })).returns<GitDiff>(),
  /** Puts files' current content into the next commit. */
  'git.stage': call(obj({ site: sitePath, paths: list(relPath, 10_000) })).returns<GitStatus>(),
  /** Takes files out of the next commit; their changes stay on disk. */
  'git.unstage': call(obj({ site: sitePath, paths: list(relPath, 10_000) })).returns<GitStatus>(),
  /** Commits what is staged, nothing else; with `signOff` a `Signed-off-by:` trailer from the configured name and e-mail. */
  'git.commit': call(obj({ site: sitePath, summary: str({ min: 1, max: 500 }), description: optional(str({ max: 100_000 })), signOff: bool() })).returns<GitCommitSummary>(),
  /** Local branches with their distance to upstream, the default branch and remote branches not yet local. */
  'git.branches': call(obj({ site: sitePath })).returns<GitBranches>(),
  /** Creates a branch from the default branch (or `from`) and switches to it, carrying uncommitted changes along. */
  'git.createBranch': call(obj({ site: sitePath, name: str({ min: 1, max: 250 }), from: optional(str({ min: 1, max: 250 })) })).returns<GitStatus>(),
  /** Switches branch carrying uncommitted changes along; refuses (`conflict`, naming the files) when they would be overwritten. */
  'git.switchBranch': call(obj({ site: sitePath, name: str({ min: 1, max: 250 }) })).returns<GitStatus>(),
  /** Fetches and fast-forwards; a diverged branch is merged only with `merge`, else reported and left as it was. */
  'git.pull': call(obj({ site: sitePath, merge: optional(bool()) })).returns<GitPullResult>(),
  /** Aborts a merge a pull left with conflicts, back to the exact state before the pull. */
  'git.abortMerge': call(obj({ site: sitePath })).returns<GitStatus>(),
  /** Pushes the current branch (setting its upstream on the first push); never forces. */
  'git.push': call(obj({ site: sitePath })).returns<GitPushResult>(),
  /** Commits on the branch not yet on its upstream (or the default branch) that lack a sign-off, as DCO checks would reject them. */
  'git.unsignedCommits': call(obj({ site: sitePath })).returns<GitCommitSummary[]>(),
  /** Adds the configured sign-off to the unpushed commits that lack one (rewrites only commits no remote has). */
  'git.addSignOff': call(obj({ site: sitePath })).returns<{ rewritten: number }>(),
  /** Clones an HTTPS repository into a new folder inside `destination`, with progress; returns the new folder. */
  'git.clone': call(obj({ url: str({ min: 1, max: 2048 }), destination: str({ min: 1, max: 4096 }) })).returns<{ path: string }>(),
  /** Whether credentials for the host of the site's remote (or of `url`) are known; the token never comes back. */
  'git.credentials': call(obj({ site: optional(sitePath), url: optional(str({ max: 2048 })) })).returns<GitCredentialInfo>(),
  /** Keeps a user name and token for a host: encrypted when `remember`, else for this session only. */
  'git.setCredentials': call(obj({ site: optional(sitePath), url: optional(str({ max: 2048 })), username: str({ min: 1, max: 200 }), token: str({ min: 1, max: 4096 }), remember: bool() })).returns<GitCredentialInfo>(),
  /** Forgets the credentials of a host. */
  'git.forgetCredentials': call(obj({ site: optional(sitePath), url: optional(str({ max: 2048 })) })).returns<GitCredentialInfo>(),
  /** Checks an image (by content: type, size, pixel count; an SVG is made safe) and keeps it in the app data until it is imported. */
  'figure.stage': call(obj({ site: sitePath, name: str({ min: 1, max: 1000 }), base64: text(72 * 1024 * 1024) })).returns<StagedFigure>(),
  /** Copies a staged image into the site's figure folder (a web copy when `downscale`), never overwriting; reuses the same content. */
  'figure.import': call(obj({ site: sitePath, id: str({ min: 1, max: 200 }), fileName: str({ min: 1, max: 255 }), downscale: bool(), keepOriginal: bool() })).returns<ImportedFigure>(),
  /** The site's figure snippet for an image (its `.pressroom.yml` template, the seed's `<figure>` with `{% asset %}`, or Markdown). */
  'figure.snippet': call(obj({ site: sitePath, path: relPath, alt: str({ min: 1, max: 2000 }), caption: optional(str({ max: 5000 })), credit: optional(str({ max: 1000 })) })).returns<{ text: string }>(),
  /** The site's images with the posts that use each, for the asset browser. */
  'figure.browse': call(obj({ site: sitePath })).returns<FigureBrowse>(),
  /** A small preview of a site image, made once and cached in the app-data folder (never in the site). */
  'figure.thumbnail': call(obj({ site: sitePath, path: relPath })).returns<{ mime: string; base64: string }>(),
  /** Where an export of a post goes by default (the last folder used, else Documents) and its file name. */
  'export.defaults': call(obj({ site: sitePath, path: relPath, format: exportFormat })).returns<ExportDefaults>(),
  /** The post as one self-contained HTML document (what `export.write` writes), from `text` when given (the editor's), else the file. */
  'export.html': call(obj({ site: sitePath, path: relPath, text: optional(text()), pageSize: optional(oneOf(['A4', 'Letter'] as const)) })).returns<ExportHtml>(),
  /** Writes the post as HTML or PDF to `destination` (an absolute file path outside the site); an existing file only with `replace`. */
  'export.write': call(
    obj({
      site: sitePath,
      path: relPath,
      text: optional(text()),
      format: exportFormat,
      pageSize: oneOf(['A4', 'Letter'] as const),
      destination: str({ min: 1, max: 4096 }),
      replace: optional(bool()),
    }),
  ).returns<ExportResult>(),
} as const;

/** The table of events main sends to the renderer: name → payload schema. */
export const events = {
  /** A long task's progress; `label` is a message-catalogue key (e.g. "progress.scanning"), `total` null while unknown. */
  progress: event(
    obj({
      id: str({ min: 1, max: 200 }),
      label: str({ min: 1, max: 200 }),
      done: num({ min: 0 }),
      total: nullable(num({ min: 0 })),
      finished: bool(),
    }),
  ),
  /** A file inside an open site changed, appeared or went away on disk; `path` '' means anything may have (a branch switch, a burst). */
  'file.changed': event(obj({ site: sitePath, path: str({ max: 4096 }), kind: oneOf(['changed', 'added', 'removed']) })),
  /** The site's repository changed (files, index, branch, a commit): the git panel asks `git.status` again. */
  'git.changed': event(obj({ site: sitePath })),
  /** A command chosen in the desktop app's menu that the window carries out (the menu has no other way to reach it). */
  'menu.command': event(obj({ command: oneOf(['figure.insert', 'export.pdf', 'export.html', 'print'] as const) })),
} as const;

/** The name of an event. */
export type EventName = keyof typeof events;

/** The events main sends to the renderer, by name, with their payload types (inferred from `events`). */
export type Events = { [K in EventName]: Infer<(typeof events)[K]['payload']> };

/** Event names, for registering the transports' listeners; derived from the table, so it cannot drift. */
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The name of a call. */
export type CallName = keyof typeof calls;
/** The arguments of a call, inferred from its schema only. */
export type CallArgs<K extends CallName> = Infer<(typeof calls)[K]['args']>;
/** The result of a call when it succeeds. */
export type CallResult<K extends CallName> = Exclude<(typeof calls)[K]['result'], undefined>;

/** The list of call names, for registering every call on a transport. */
export const CALL_NAMES = Object.keys(calls) as CallName[];

/** One call's implementation in main. */
export type Handler<K extends CallName> = (args: CallArgs<K>) => Promise<CallResult<K>>;

/** What main implements: one async handler per call. Services throw AppFailure; the transport edge turns it into data. */
export type Handlers = { [K in CallName]: Handler<K> };

/** The calls of one area (`site` → every `site.*` call), so each area's file implements exactly its own calls. */
export type AreaHandlers<A extends string> = { [K in CallName as K extends `${A}.${string}` ? K : never]: Handler<K> };

/** What the renderer holds: one method per call, each resolving to a Result, never throwing. */
export type Api = { [K in CallName]: (args: CallArgs<K>) => Promise<Result<CallResult<K>>> };

/** Checks a call name arriving from a transport. */
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

/** Checks an event name arriving from a transport. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** Validates a call's arguments against its schema: the checked arguments (only declared keys) or the problems. */
export function checkArgs<K extends CallName>(name: K, args: unknown): Checked<CallArgs<K>> {
  return check(calls[name].args, args, 'args') as Checked<CallArgs<K>>;
}

/** Validates an event's payload against its schema: the checked payload or the problems. */
export function checkEvent<K extends EventName>(name: K, payload: unknown): Checked<Events[K]> {
  return check(events[name].payload, payload, 'payload') as Checked<Events[K]>;
}
