/** The data that crosses the contract: plain JSON objects, no classes, no Dates. */
import type { Events } from './contract';

/** Which language the interface speaks; 'system' follows the operating system. */
export type UiLanguage = 'system' | 'en' | 'de';
/** Light or dark; 'system' follows the operating system. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** User settings, kept in the app-data folder, never in a site. */
export interface Settings {
  uiLanguage: UiLanguage;
  theme: ThemeChoice;
  /** Name and e-mail for commits (the git issue uses them with sign-off). */
  authorName: string;
  authorEmail: string;
  /** Where a copy of the sample site goes by default. */
  sampleDestination: string;
  /** Defaults of later features; stored now so the settings screen has one home. */
  signOffCommits: boolean;
  /** Save a changed document by itself after `autosaveSeconds` without typing (off by default). */
  autosave: boolean;
  autosaveSeconds: number;
  /** The folder the last export went to ('' until the first export). */
  exportFolder: string;
  /** The page size of PDF exports and of printing. */
  exportPageSize: 'A4' | 'Letter';
}

/** Facts about the running app the renderer needs, without knowing which transport carries it. */
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** The operating system's language tag, e.g. "de-DE". */
  systemLanguage: string;
  documentsDir: string;
  homeDir: string;
  /** What the host can do: a native folder picker exists only in the desktop window. */
  capabilities: { folderPicker: boolean };
}

/** A site the user opened before, shown on the first screen. */
export interface RecentSite {
  path: string;
  name: string;
  openedAt: string;
  /** False when the folder has gone since; the entry stays until the user removes it. */
  exists: boolean;
}

/** One entry of a folder listing for the path field in browser mode. */
export interface PathCompletion {
  path: string;
  /** True when the folder has a `_config.yml`, so it is likely a Jekyll site. */
  isSite: boolean;
}

/** What opening a site tells the renderer. `root` is the site's real path and names it in later calls. */
export interface SiteSummary {
  root: string;
  name: string;
  languages: string[];
  defaultLanguage: string | null;
  assetSources: string[];
  collections: string[];
  postCount: number;
  /** Problems that did not stop the site from opening (e.g. a post that fails to parse). */
  warnings: string[];
}

/** One post in the list. Paths are relative to the site root with forward slashes. */
export interface PostEntry {
  path: string;
  title: string;
  /** YYYY-MM-DD, from the front matter or else the file name; null when neither has one. */
  date: string | null;
  dateSource: 'front-matter' | 'file-name' | 'none';
  slug: string;
  language: string | null;
  category: string | null;
  categories: string[];
  layout: string | null;
  draft: boolean;
  /** Site-relative path of the file a symlinked post points to; null for a plain file. */
  symlinkTarget: string | null;
  /** Language of the post a symlink points to (the "same file as the English post" mark). */
  symlinkLanguage: string | null;
  /** Why the post could not be read; the rest of the list stays usable. */
  error: string | null;
  size: number;
}

/** Line endings of a file as read. */
export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'none';

/** A post's text and what the save needs to write it back the way it was. */
export interface DocumentSnapshot {
  path: string;
  /** The text without a byte-order mark, line endings as in the file. */
  text: string;
  /** Opaque version (a hash of the bytes); a save names the version it was based on. */
  version: string;
  bom: boolean;
  eol: LineEnding;
  finalNewline: boolean;
  symlinkTarget: string | null;
}

/** The outcome of a save. */
export interface SaveResult {
  version: string;
}

/** A document's unsaved text from the recovery store, offered back after a crash, a killed process or a reload. */
export interface RecoveredDocument {
  /** Site-relative path of the document. */
  path: string;
  /** The text exactly as it was typed (line endings, BOM character and all). */
  text: string;
  /** The version of the file the text was based on (as `document.read` gave it). */
  baseVersion: string;
  /** When the text was kept (ISO time). */
  savedAt: string;
  /** The file's version on disk now; null when it is gone or cannot be read. Not `baseVersion`: it changed since. */
  diskVersion: string | null;
}

/** What was open when Pressroom last ran, so the next start reopens the site and its tabs. */
export interface Session {
  /** The site's root as `site.open` returned it. */
  site: string;
  /** Site-relative paths of the open tabs, in tab order. */
  tabs: string[];
  /** The tab in front, if any. */
  active: string | null;
  /** When the session was last recorded (ISO time). */
  savedAt: string;
}

/** Progress of something that takes longer than a moment (its schema is the `progress` event in contract.ts). */
export type ProgressEvent = Events['progress'];

/** A file inside an open site changed on disk (its schema is the `file.changed` event in contract.ts). */
export type FileChangedEvent = Events['file.changed'];

/** Kinds of front-matter field the form can show (from `.pressroom.yml` or inferred from the site's posts). */
export type FrontMatterFieldType =
  | 'string'
  | 'text'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'number'
  | 'select'
  | 'multi-select'
  | 'list'
  | 'image'
  | 'object';

/** Words for people, either one string or one per interface language (`{ en: "Title", de: "Titel" }`). */
export type LocalizedText = string | Record<string, string>;

/** One field of the front-matter form. */
export interface FrontMatterFieldSchema {
  key: string;
  type: FrontMatterFieldType;
  label?: LocalizedText;
  required?: boolean;
  /** The value a new post gets, and what Jekyll uses when the field is absent (from `_config.yml` defaults). */
  default?: unknown;
  /** Not shown in the form (it stays in the text). */
  hidden?: boolean;
  help?: LocalizedText;
  /** Values to choose from: configured, or those the site's posts already use. */
  options?: string[];
  /** For `image` fields: the site lists several (as `avatar: [a.png, b.png]`). */
  multiple?: boolean;
  /** Whether `.pressroom.yml` declared the field or it was inferred from the site. */
  origin: 'config' | 'inferred';
}

/** The form of a site's front matter: fields for posts, and for each collection that declares its own. */
export interface FrontMatterSchema {
  fields: FrontMatterFieldSchema[];
  collections: Record<string, { fields: FrontMatterFieldSchema[] }>;
  /** Problems with `.pressroom.yml`, one per bad entry; the good entries still apply. */
  problems: Array<{ message: string; path: string; line?: number }>;
}

/** What the preview's Liquid step may see of a site (`site.renderContext`): read by main, used by the renderer. */
export interface SiteRenderContext {
  /** `_config.yml` as data (Liquid's `site`). */
  config: Record<string, unknown>;
  /** `_data/` as data (`site.data`), folders as nested objects. */
  data: Record<string, unknown>;
  /** Site-relative folders `{% asset %}` paths are looked up in, in order. */
  assetSources: string[];
  /**
   * The asset index `shared/site/asset-lookup.ts` resolves `{% asset %}` in: the search folders that exist, in
   * order, the site-relative files under them, and whether a bound cut the list short.
   */
  assets: { folders: string[]; files: string[]; truncated: boolean };
  /** Every post by its `{% post_url %}` name (file name without extension, and with its folders below `_posts/`). */
  posts: Array<{ name: string; url: string; /** The post's language folder (`_i18n/<lang>/`), so a German page's link finds the German post. */ language?: string | null }>;
  /** Data files that were skipped (too big, unreadable, broken), so the preview can say why `site.data` lacks them. */
  warnings: string[];
}

/** An image of the site's asset folders, for the preview to show as a blob: URL (`asset.read`). */
export interface AssetData {
  mime: string;
  base64: string;
}

/** One image in a site's asset folders, for the front-matter form's image picker (`asset.list`). */
export interface AssetImage {
  /** The site-relative asset folder it is in (one of `SiteSummary.assetSources`). */
  source: string;
  /** The path inside that folder, forward slashes (`blog/header.jpg`). */
  path: string;
  size: number;
}

/** The images of a site's asset folders; `truncated` when there were more than the listing holds. */
export interface AssetListing {
  images: AssetImage[];
  truncated: boolean;
}
