// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/contract/errors';
import { flushWhenLeaving, RECOVERY_IDLE_MS, RecoveryWriter, type RecoveryCalls, type RecoveryTabs } from './recovery-writer';

/** A document text that counts how often it is turned into a string (the cost the keystroke path must not pay). */
class CountingText {
  reads = 0;
  constructor(private readonly value: string) {}
  get length() {
    return this.value.length;
  }
  toString() {
    this.reads++;
    return this.value;
  }
}

interface FakeTab {
  path: string;
  dirty: boolean;
  status: string;
  doc: CountingText;
  version: string | null;
}

/** The tab store as the writer sees it: tests change tabs and tell listeners, as DocumentTabs does. */
function fakeTabs(initial: FakeTab[]) {
  let tabs = initial;
  const listeners = new Set<() => void>();
  const store: RecoveryTabs = {
    getSnapshot: () => ({ tabs }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    editorState: (path) => {
      const tab = tabs.find((t) => t.path === path);
      return tab ? { doc: tab.doc } : null;
    },
    baseVersion: (path) => tabs.find((t) => t.path === path)?.version ?? null,
  };
  const set = (next: FakeTab[]) => {
    tabs = next;
    for (const l of listeners) l();
  };
  const change = (path: string, patch: Partial<FakeTab>) => set(tabs.map((t) => (t.path === path ? { ...t, ...patch } : t)));
  return { store, set, change, tab: (path: string) => tabs.find((t) => t.path === path)! };
}

type Sent = { name: 'recovery.put' | 'recovery.discard'; args: Record<string, unknown> };

/** Records every call; `hold` makes the next calls wait until released, to test their order. */
function fakeApi() {
  const sent: Sent[] = [];
  let failNext = false;
  const api: RecoveryCalls = {
    'recovery.put': async (args) => {
      sent.push({ name: 'recovery.put', args });
      if (failNext) {
        failNext = false;
        return { ok: false, error: { code: 'io', message: 'disk full' } } as Result<never>;
      }
      return { ok: true, value: { savedAt: 'now' } };
    },
    'recovery.discard': async (args) => {
      sent.push({ name: 'recovery.discard', args });
      return { ok: true, value: { removed: true } };
    },
  };
  return { api, sent, failOnce: () => (failNext = true) };
}

const SITE = '/sites/press';
const tab = (path: string, text: string, dirty = true, version: string | null = 'v1'): FakeTab => ({ path, dirty, status: 'ready', doc: new CountingText(text), version });
const flushPromises = () => vi.advanceTimersByTimeAsync(0);

let detach: (() => void) | null = null;
beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  detach?.();
  detach = null;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function setup(initial: FakeTab[]) {
  const tabs = fakeTabs(initial);
  const { api, sent, failOnce } = fakeApi();
  const writer = new RecoveryWriter(api, SITE, tabs.store);
  detach = writer.attach();
  return { tabs, sent, failOnce, writer };
}

describe('RecoveryWriter', () => {
  it('keeps the text once typing pauses, never per keystroke, reading the text only then', async () => {
    const { tabs, sent, writer } = setup([tab('_posts/a.md', 'draft\r\n👋')]);
    for (let i = 0; i < 20; i++) {
      writer.touched();
      await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS / 3);
    }
    expect(sent).toEqual([]);
    expect(tabs.tab('_posts/a.md').doc.reads).toBe(0);
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS);
    expect(sent).toEqual([{ name: 'recovery.put', args: { site: SITE, path: '_posts/a.md', text: 'draft\r\n👋', baseVersion: 'v1' } }]);
    expect(tabs.tab('_posts/a.md').doc.reads).toBe(1);
  });

  it('writes a text only once: the next pause with no change sends nothing', async () => {
    const { sent, writer } = setup([tab('_posts/a.md', 'x')]);
    writer.touched();
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS);
    writer.touched();
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS);
    expect(sent.filter((c) => c.name === 'recovery.put')).toHaveLength(1);
  });

  it('keeps only unsaved, loaded documents', async () => {
    const { sent, writer } = setup([tab('_posts/clean.md', 'c', false), { ...tab('_posts/loading.md', 'l'), status: 'loading' }, tab('_posts/dirty.md', 'd')]);
    await writer.flush();
    expect(sent.map((c) => c.args.path)).toEqual(['_posts/dirty.md']);
  });

  it('keeps the text at once when the window loses focus, is hidden or goes away', async () => {
    const { tabs, sent, writer } = setup([tab('_posts/a.md', 'one')]);
    const unlisten = flushWhenLeaving(writer, window);
    try {
      window.dispatchEvent(new Event('blur'));
      await flushPromises();
      expect(sent.map((c) => c.args.text)).toEqual(['one']);
      tabs.change('_posts/a.md', { doc: new CountingText('two') });
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      await flushPromises();
      tabs.change('_posts/a.md', { doc: new CountingText('three') });
      window.dispatchEvent(new Event('pagehide'));
      await flushPromises();
      expect(sent.map((c) => c.args.text)).toEqual(['one', 'two', 'three']);
    } finally {
      unlisten();
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
  });

  it('discards the kept text when the document is clean again (undo) or its tab closes', async () => {
    const { tabs, sent, writer } = setup([tab('_posts/a.md', 'a'), tab('_posts/b.md', 'b')]);
    await writer.flush();
    tabs.change('_posts/a.md', { dirty: false });
    tabs.set([tabs.tab('_posts/a.md')]);
    await flushPromises();
    expect(sent.filter((c) => c.name === 'recovery.discard').map((c) => c.args)).toEqual([
      { site: SITE, path: '_posts/a.md' },
      { site: SITE, path: '_posts/b.md' },
    ]);
  });

  it('never discards text it did not keep (a recovered document waiting to be offered)', async () => {
    const { tabs, sent } = setup([tab('_posts/recovered.md', 'disk text', false)]);
    tabs.change('_posts/recovered.md', { version: 'v2' });
    tabs.set([]);
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS * 2);
    expect(sent).toEqual([]);
  });

  it('keeps the text again when a save moved the base version while typing went on', async () => {
    const { tabs, sent, writer } = setup([tab('_posts/a.md', 'typed after save')]);
    await writer.flush();
    // The save of an earlier text finished: the server forgot the entry, the tab is still unsaved on a new version.
    tabs.change('_posts/a.md', { version: 'v2' });
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS);
    expect(sent.map((c) => [c.name, c.args.baseVersion])).toEqual([
      ['recovery.put', 'v1'],
      ['recovery.put', 'v2'],
    ]);
  });

  it('sends the calls for one document one after the other: a discard never overtakes a put', async () => {
    const tabs = fakeTabs([tab('_posts/a.md', 'a')]);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const api: RecoveryCalls = {
      'recovery.put': async () => {
        order.push('put start');
        await new Promise<void>((r) => (release = r));
        order.push('put end');
        return { ok: true, value: { savedAt: 'now' } };
      },
      'recovery.discard': async () => {
        order.push('discard');
        return { ok: true, value: { removed: true } };
      },
    };
    const writer = new RecoveryWriter(api, SITE, tabs.store);
    detach = writer.attach();
    void writer.flush();
    tabs.change('_posts/a.md', { dirty: false });
    await flushPromises();
    expect(order).toEqual(['put start']);
    release();
    await flushPromises();
    expect(order).toEqual(['put start', 'put end', 'discard']);
  });

  it('tries again after a failed put', async () => {
    const { sent, failOnce, writer } = setup([tab('_posts/a.md', 'a')]);
    failOnce();
    await writer.flush();
    await writer.flush();
    expect(sent.map((c) => c.name)).toEqual(['recovery.put', 'recovery.put']);
  });

  it('forgets everything it kept when the site is closed discarding, and keeps nothing more', async () => {
    const { tabs, sent, writer } = setup([tab('_posts/a.md', 'a'), tab('_posts/b.md', 'b')]);
    await writer.flush();
    await writer.discardAll();
    tabs.change('_posts/a.md', { doc: new CountingText('more') });
    writer.touched();
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS);
    await writer.flush();
    expect(sent.map((c) => [c.name, c.args.path])).toEqual([
      ['recovery.put', '_posts/a.md'],
      ['recovery.put', '_posts/b.md'],
      ['recovery.discard', '_posts/a.md'],
      ['recovery.discard', '_posts/b.md'],
    ]);
  });

  it('keeps what it kept when it stops listening (an unmount may be a crash of the interface)', async () => {
    const { sent, writer } = setup([tab('_posts/a.md', 'a')]);
    await writer.flush();
    detach?.();
    detach = null;
    expect(sent.map((c) => c.name)).toEqual(['recovery.put']);
  });
});
