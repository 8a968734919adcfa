/**
 * Drives the preview frame: renders the latest text off the keystroke path, patches the frame's article block
 * by block, fills in images, guards links, follows the app's theme and keeps scroll sync in both directions
 * without echoing its own scrolling back to the editor.
 */
import type { Api } from '../../../shared/contract/contract';
import type { SiteRenderContext } from '../../../shared/contract/models';
import type { RenderProblem } from '../../../shared/render/render-types';
import type { DocText } from '../../common/editor-bridge';
import { AssetLoader } from './asset-loader';
import { BlockPatcher } from './block-patcher';
import { guardFrameLinks } from './frame-links';
import { FRAME_SANDBOX, frameShell } from './frame-shell';
import { RenderScheduler } from './render-client';
import type { RenderResult } from './render-job';
import { sanitizeBlock } from './sanitize';
import { lineAtOffset, offsetOfLine } from './scroll-map';
import { EMPTY_RENDER_CONTEXT } from '../../../shared/render/site-context';
import { isDark, onShownThemeChange } from '../../theme/shown-theme';

/** How long after the app scrolled the frame its scroll events are taken as the app's, not the user's. */
const OWN_SCROLL_MS = 250;
/** How long after the user scrolled the preview the editor's scroll reports are not followed (no ping-pong). */
const USER_SCROLL_MS = 400;

/** What the controller tells the pane to show around the frame. */
export interface PreviewState {
  remote: number;
  problems: RenderProblem[];
  /** The editor's document the problems were found in (their lines are its lines); null before the first render. */
  doc: DocText | null;
  /** Milliseconds of the last render, and the number of renders (for tests and benchmarks). */
  renderMs: number;
  renders: number;
}

/** What the controller needs from the app. */
export interface PreviewDeps {
  api: Api;
  stylesheet: string;
  labels: { brokenImage(path: string): string; embed(what: string): string };
  onState(state: PreviewState): void;
  onScrollToLine(line: number): void;
  openExternal(url: string): void;
}

/** One preview frame's behaviour; the React pane owns it and forwards its props. */
export class PreviewController {
  private readonly scheduler: RenderScheduler;
  private readonly patcher: BlockPatcher;
  private readonly remoteCounts = new WeakMap<HTMLElement, number>();
  private assets: AssetLoader | null = null;
  private site = '';
  private path = '';
  private lang = 'en';
  /** Null until the site's context arrived: rendering without it would show its images as broken. */
  private context: SiteRenderContext | null = null;
  /** The editor's own document (never copied here); read as a string only when a render starts. */
  private text: DocText | null = null;
  private remoteAllowed = false;
  private article: HTMLElement | null = null;
  private pending: RenderResult | null = null;
  /** The document the scheduler last read for a render (renders run one at a time, so it is the next result's). */
  private renderingDoc: DocText | null = null;
  private pendingDoc: DocText | null = null;
  private unguard: (() => void) | null = null;
  private ownScrollUntil = 0;
  private ownScrollY = -1;
  private userScrollAt = -Infinity;
  private lastSentLine = 0;
  private scrollFrame = 0;
  private lastSync: { line: number; reason: 'scroll' | 'cursor' } | null = null;
  /** A render was asked for and has not been applied yet (the cursor sync waits for it, see `sync`). */
  private renderPending = false;
  private state: PreviewState = { remote: 0, problems: [], doc: null, renderMs: 0, renders: 0 };
  private readonly stopFollowingTheme: () => void;

  constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly deps: PreviewDeps,
  ) {
    frame.setAttribute('sandbox', FRAME_SANDBOX);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    this.scheduler = new RenderScheduler((result) => this.apply(result, this.renderingDoc));
    this.patcher = new BlockPatcher((html, doc) => this.buildBlock(html, doc));
    frame.addEventListener('load', this.onLoad);
    this.stopFollowingTheme = onShownThemeChange(() => this.applyTheme());
  }

  /** Switches to another post (or site): images, remote consent and blocks start afresh. */
  setDocument(site: string, path: string, lang: string, remoteAllowed: boolean): void {
    if (site === this.site && path === this.path) return;
    this.site = site;
    this.path = path;
    this.lang = lang;
    this.assets?.dispose();
    this.assets = new AssetLoader(this.deps.api, site, () => (this.context ?? EMPTY_RENDER_CONTEXT).assets);
    this.patcher.reset();
    this.pending = null;
    this.lastSync = null;
    this.remoteAllowed = remoteAllowed;
    this.loadShell();
  }

  /** The site's Liquid context arrived (or changed): every block is built again with it (asset folders, baseurl). */
  setContext(context: SiteRenderContext | null): void {
    if (context === this.context) return;
    const changed = this.context !== null;
    this.context = context;
    if (changed && this.article) {
      this.patcher.reset();
      this.article.replaceChildren();
    }
    this.requestRender();
  }

  /** The editor's text changed (called from the editor's update, on the keystroke path: only schedules). */
  setText(text: DocText): void {
    this.text = text;
    this.requestRender();
  }

  /** The user allowed (or not) web content for this post; the frame's policy changes, so its shell reloads. */
  setRemoteAllowed(allowed: boolean): void {
    if (allowed === this.remoteAllowed) return;
    this.remoteAllowed = allowed;
    this.loadShell();
  }

  /** The editor scrolled or its cursor moved. */
  sync(line: number, reason: 'scroll' | 'cursor'): void {
    this.lastSync = { line, reason };
    // While typing, the cursor's block is brought into view once the keystroke's render is in (see `apply`):
    // measuring the frame now would lay it out on the keystroke's path, only to lay it out again.
    if (reason === 'cursor' && this.renderPending) return;
    if (reason === 'scroll' && performance.now() - this.userScrollAt < USER_SCROLL_MS) return;
    this.applySync();
  }

  /** Stops rendering and listening; revokes the images. */
  dispose(): void {
    this.scheduler.dispose();
    this.assets?.dispose();
    this.unguard?.();
    this.stopFollowingTheme();
    this.frame.removeEventListener('load', this.onLoad);
    if (this.scrollFrame) cancelAnimationFrame(this.scrollFrame);
  }

  private requestRender(): void {
    if (this.text === null || this.context === null) return;
    this.renderPending = true;
    const doc = this.text;
    // The scheduler reads the text when the render starts; noting which document it read ties the result's
    // problems to that version of the text, so the editor can place them even after more typing.
    const source: DocText = {
      length: doc.length,
      toString: () => {
        this.renderingDoc = doc;
        return doc.toString();
      },
    };
    this.scheduler.request({ source, path: this.path, context: this.context });
  }

  private loadShell(): void {
    this.unguard?.();
    this.unguard = null;
    this.article = null;
    const stylesheet = new URL(this.deps.stylesheet, document.baseURI).href;
    this.frame.srcdoc = frameShell({ stylesheet, remote: this.remoteAllowed, lang: this.lang, theme: this.theme() });
  }

  private theme(): string {
    return isDark() ? 'dark' : 'light';
  }

  private applyTheme(): void {
    const doc = this.frame.contentDocument;
    if (doc?.documentElement) doc.documentElement.dataset.theme = this.theme();
  }

  private readonly onLoad = () => {
    const doc = this.frame.contentDocument;
    const article = doc?.getElementById('pr-article');
    if (!doc || !article) return;
    this.article = article;
    this.applyTheme();
    this.unguard = guardFrameLinks(doc, {
      openExternal: (url) => this.deps.openExternal(url),
      scrollTo: (el) => doc.defaultView?.scrollTo(0, el.getBoundingClientRect().top + (doc.defaultView?.scrollY ?? 0) - 16),
    });
    doc.defaultView?.addEventListener('scroll', this.onFrameScroll, { passive: true });
    this.patcher.adoptInto(article);
    if (this.remoteAllowed) this.showRemote(article);
    if (this.pending) {
      const result = this.pending;
      this.pending = null;
      this.apply(result, this.pendingDoc);
    } else if (this.lastSync) this.applySync();
  };

  private buildBlock(html: string, doc: Document): HTMLElement {
    const block = doc.createElement('div');
    block.className = 'pr-block';
    const config = (this.context ?? EMPTY_RENDER_CONTEXT).config;
    const baseurl = typeof config.baseurl === 'string' ? config.baseurl : '';
    let remote = 0;
    try {
      const clean = sanitizeBlock(html, { baseurl, embedLabel: this.deps.labels.embed });
      remote = clean.remote;
      block.append(doc.importNode(clean.fragment, true));
    } catch (error) {
      // A block the sanitizer cannot handle is left out (shown as nothing), never inserted unsanitized.
      console.error('pressroom: a preview block could not be sanitized', error);
    }
    for (const el of block.querySelectorAll<HTMLElement>('[data-pr-style]')) {
      el.style.cssText = el.getAttribute('data-pr-style') ?? '';
      el.removeAttribute('data-pr-style');
    }
    this.remoteCounts.set(block, remote);
    return block;
  }

  private showRemote(root: ParentNode): void {
    for (const img of root.querySelectorAll<HTMLImageElement>('img[data-pr-remote]')) {
      img.referrerPolicy = 'no-referrer';
      img.src = img.getAttribute('data-pr-remote') ?? '';
      img.removeAttribute('data-pr-remote');
    }
  }

  private apply(result: RenderResult, doc: DocText | null): void {
    this.renderPending = false;
    if (!this.article) {
      this.pending = result;
      this.pendingDoc = doc;
      return;
    }
    const built = this.patcher.patch(this.article, result.blocks);
    for (const el of built) {
      this.assets?.fill(el, this.deps.labels.brokenImage);
      if (this.remoteAllowed) this.showRemote(el);
    }
    this.assets?.retain(this.patcher.elements);
    let remote = 0;
    for (const el of this.patcher.elements) remote += this.remoteCounts.get(el) ?? 0;
    this.state = { remote, problems: result.problems, doc, renderMs: result.ms, renders: this.state.renders + 1 };
    this.deps.onState(this.state);
    this.frame.dataset.renders = String(this.state.renders);
    this.frame.dataset.renderMs = result.ms.toFixed(1);
    if (this.lastSync && (this.lastSync.reason === 'cursor' || this.state.renders === 1)) this.applySync();
  }

  private positions() {
    const els = this.patcher.elements;
    const win = this.frame.contentWindow;
    const scrollY = win?.scrollY ?? 0;
    const at = (i: number) => ({ line: Number(els[i].getAttribute('data-pr-line')), top: els[i].getBoundingClientRect().top + scrollY });
    const end = (this.article?.getBoundingClientRect().bottom ?? 0) + scrollY;
    return { count: els.length, at, end, win };
  }

  private scrollFrameTo(y: number): void {
    const win = this.frame.contentWindow;
    if (!win) return;
    const target = Math.max(0, Math.round(y));
    if (Math.abs(win.scrollY - target) < 1) return;
    win.scrollTo({ top: target, behavior: 'instant' });
    // Where our own scroll ended (clamped at the bottom); a scroll event that finds the frame there is ours.
    this.ownScrollY = win.scrollY;
    this.ownScrollUntil = performance.now() + OWN_SCROLL_MS;
  }

  private applySync(): void {
    const sync = this.lastSync;
    if (!sync || !this.article) return;
    const { count, at, end, win } = this.positions();
    if (!win || count === 0) return;
    const y = offsetOfLine(count, at, sync.line, end);
    if (sync.reason === 'scroll') {
      this.scrollFrameTo(y - 8);
      return;
    }
    const top = win.scrollY;
    const height = win.innerHeight;
    if (y < top + 8 || y > top + height - 48) this.scrollFrameTo(y - height / 3);
  }

  private readonly onFrameScroll = () => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const { count, at, end, win } = this.positions();
      if (!win) return;
      // Our own scrolling is not the user's: ignore it, or the editor would be sent back where it already is.
      if (performance.now() < this.ownScrollUntil && Math.abs(win.scrollY - this.ownScrollY) < 2) return;
      const line = lineAtOffset(count, at, win.scrollY + 8, end);
      this.userScrollAt = performance.now();
      if (line === null || line === this.lastSentLine) return;
      this.lastSentLine = line;
      this.deps.onScrollToLine(line);
    });
  };
}
