/**
 * One small cache for what the renderer asks main about an open site (its front-matter schema, render context,
 * image listing, pictures). Each kind of data is a resource that says how to load one value and which signals
 * make it stale; the cache asks main once however many parts of the screen want the same value, keeps a value
 * only while it is used (or, for cheap data, while the site is open), never lets an older answer overwrite a
 * newer one, and lets go of values (revoking blob: URLs) when the last user is gone, the value is stale or the
 * site closes.
 */
import type { Api } from '../../../shared/contract/contract';
import { type AppError, messageOf, type Result } from '../../../shared/contract/errors';

/** What makes cached site data stale: a file of the site changed on disk, or this app created a post. */
export type SiteSignal = { type: 'file.changed'; site: string; path: string } | { type: 'post.created'; site: string };

/** What a user of a resource sees: still loading, the value, or why it could not be had. */
export type SiteDataState<V> = { status: 'loading' } | { status: 'ready'; value: V } | { status: 'failed'; error: AppError };

/** How one kind of per-site data is loaded, told apart by key, made stale and let go. */
export interface SiteResource<K, V> {
  /** For messages and debugging. */
  readonly name: string;
  load(api: Api, site: string, key: K): Promise<Result<V>>;
  /** A string naming `key`, so equal keys share one value. */
  keyOf(key: K): string;
  /** True when `signal` (already known to be about this site) makes the value for `key` stale; `value` when there is one. */
  invalidatedBy(signal: SiteSignal, key: K, value: V | undefined): boolean;
  /** Frees a value nobody uses any more (e.g. revokes a blob: URL). */
  dispose?(value: V): void;
  /** Keep the value while the site is open even when nobody uses it (cheap data asked for again and again). */
  readonly keepUnused: boolean;
}

/** Declares a resource: everything but `load` and `invalidatedBy` has a default (string keys, no dispose, let go when unused). */
export function createSiteResource<K, V>(spec: {
  name: string;
  load: SiteResource<K, V>['load'];
  invalidatedBy: SiteResource<K, V>['invalidatedBy'];
  keyOf?: SiteResource<K, V>['keyOf'];
  dispose?: SiteResource<K, V>['dispose'];
  keepUnused?: boolean;
}): SiteResource<K, V> {
  return { keyOf: (key) => (key === undefined ? '' : String(key)), keepUnused: false, ...spec };
}

/** A held use of one value: the holder reads it, hears when it changes, and releases it exactly once. */
export interface SiteLease<V> {
  readonly state: SiteDataState<V>;
  subscribe(listener: () => void): () => void;
  release(): void;
}

/** How long a value nobody uses stays (and a replaced value lives on), so a re-render does not load it again. */
export const GRACE_MS = 1500;

/** The state of a value nobody asked for yet; one object, so snapshots stay equal. */
export const LOADING: SiteDataState<never> = Object.freeze({ status: 'loading' });

interface Entry {
  readonly resource: SiteResource<unknown, unknown>;
  readonly site: string;
  readonly key: unknown;
  readonly id: string;
  state: SiteDataState<unknown>;
  /** Bumped by every load started; only the answer to the latest one counts. */
  generation: number;
  loading: boolean;
  refs: number;
  timer: ReturnType<typeof setTimeout> | null;
  dead: boolean;
}

/** The cache of one connection to main; see the top of this file. */
export class SiteData {
  private readonly entries = new Map<string, Entry>();
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly resourceIds = new WeakMap<object, number>();
  private resourceCount = 0;

  constructor(
    private readonly api: Api,
    private readonly graceMs = GRACE_MS,
  ) {}

  /** The current state of a value (LOADING when nobody asked for it yet). */
  peek<K, V>(resource: SiteResource<K, V>, site: string, key: K): SiteDataState<V> {
    return (this.entries.get(this.idOf(resource, site, key))?.state ?? LOADING) as SiteDataState<V>;
  }

  /** Calls `listener` whenever the state of that value changes; returns the function that stops it. */
  watch<K, V>(resource: SiteResource<K, V>, site: string, key: K, listener: () => void): () => void {
    return this.watchId(this.idOf(resource, site, key), listener);
  }

  /**
   * Holds a value, loading it when nobody has yet (concurrent users share one load). `refresh` asks main again
   * while still showing the value there is (e.g. a picker that opens must see files added since).
   */
  acquire<K, V>(resource: SiteResource<K, V>, site: string, key: K, options: { refresh?: boolean } = {}): SiteLease<V> {
    const id = this.idOf(resource, site, key);
    let entry = this.entries.get(id);
    const fresh = !entry;
    if (!entry) {
      entry = { resource: resource as SiteResource<unknown, unknown>, site, key, id, state: LOADING, generation: 0, loading: false, refs: 0, timer: null, dead: false };
      this.entries.set(id, entry);
    }
    const wasUnused = entry.refs === 0;
    entry.refs++;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    // A failure is kept only while someone uses it: the next user after that asks again.
    if (fresh || (!entry.loading && (options.refresh || (wasUnused && entry.state.status === 'failed')))) this.load(entry);
    const held = entry;
    let released = false;
    return {
      get state() {
        return (held.dead ? LOADING : held.state) as SiteDataState<V>;
      },
      subscribe: (listener) => this.watchId(id, listener),
      release: () => {
        if (released) return;
        released = true;
        if (held.dead) return;
        held.refs--;
        this.collectLater(held);
      },
    };
  }

  /** Makes stale what `signal` touches: values in use are loaded again (the old one shown meanwhile), the rest dropped. */
  signal(signal: SiteSignal): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.site !== signal.site) continue;
      const value = entry.state.status === 'ready' ? entry.state.value : undefined;
      // A change with the path '' (a branch switch, a burst of changes) makes everything of the site stale.
      const siteWide = signal.type === 'file.changed' && signal.path === '';
      if (!siteWide && !entry.resource.invalidatedBy(signal, entry.key, value)) continue;
      if (entry.refs > 0) this.load(entry);
      else this.drop(entry);
    }
  }

  /** Lets go of everything of a site (its screen closed): blob: URLs are revoked, answers still on the way are dropped. */
  closeSite(site: string): void {
    for (const entry of [...this.entries.values()]) if (entry.site === site) this.drop(entry);
  }

  private idOf<K, V>(resource: SiteResource<K, V>, site: string, key: K): string {
    let n = this.resourceIds.get(resource);
    if (n === undefined) {
      n = ++this.resourceCount;
      this.resourceIds.set(resource, n);
    }
    return `${n}\u0000${site}\u0000${resource.keyOf(key)}`;
  }

  private watchId(id: string, listener: () => void): () => void {
    let set = this.watchers.get(id);
    if (!set) {
      set = new Set();
      this.watchers.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.watchers.get(id) === set) this.watchers.delete(id);
    };
  }

  private notify(id: string): void {
    for (const listener of [...(this.watchers.get(id) ?? [])]) listener();
  }

  private load(entry: Entry): void {
    const generation = ++entry.generation;
    entry.loading = true;
    if (entry.state.status === 'failed') {
      entry.state = LOADING;
      this.notify(entry.id);
    }
    const settle = (r: Result<unknown>) => this.settle(entry, generation, r);
    entry.resource.load(this.api, entry.site, entry.key).then(settle, (error: unknown) => settle({ ok: false, error: { code: 'internal', message: messageOf(error) } }));
  }

  private settle(entry: Entry, generation: number, r: Result<unknown>): void {
    if (entry.dead || generation !== entry.generation) {
      // An answer nobody waits for any more (stale or dropped): free it at once.
      if (r.ok) entry.resource.dispose?.(r.value);
      return;
    }
    entry.loading = false;
    const old = entry.state;
    entry.state = r.ok ? { status: 'ready', value: r.value } : { status: 'failed', error: r.error };
    this.notify(entry.id);
    // The value it replaces may still be on screen until its users re-render: freed a moment later.
    if (old.status === 'ready' && (!r.ok || r.value !== old.value)) this.disposeLater(entry.resource, old.value);
    this.collectLater(entry);
  }

  private collectLater(entry: Entry): void {
    if (entry.refs > 0 || entry.dead) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.refs === 0 && (entry.state.status === 'failed' || !entry.resource.keepUnused)) this.drop(entry);
    }, this.graceMs);
  }

  private disposeLater(resource: SiteResource<unknown, unknown>, value: unknown): void {
    if (resource.dispose) setTimeout(() => resource.dispose!(value), this.graceMs);
  }

  private drop(entry: Entry): void {
    if (entry.dead) return;
    entry.dead = true;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    if (this.entries.get(entry.id) === entry) this.entries.delete(entry.id);
    if (entry.state.status === 'ready') entry.resource.dispose?.(entry.state.value);
    this.notify(entry.id);
  }
}

const stores = new WeakMap<Api, SiteData>();

/** The cache of a connection to main: one per Api, so every screen (and the preview's non-React code) shares it. */
export function siteDataFor(api: Api): SiteData {
  let data = stores.get(api);
  if (!data) {
    data = new SiteData(api);
    stores.set(api, data);
  }
  return data;
}
