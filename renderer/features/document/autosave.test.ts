import { describe, expect, it } from 'vitest';
import { Autosaver, type AutosaveClock, type AutosaveTabs } from './autosave';
import type { TabInfo } from './document-tabs';

/** A clock the test advances by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  const clock: AutosaveClock = {
    set: (fn, ms) => {
      const id = ++next;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clear: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = async (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { clock, advance };
}

/** Tabs as the store reports them, with a save that conflicts for the paths named in `conflicts`. */
function fakeTabs(states: Record<string, Partial<TabInfo>>, conflicts: string[] = []) {
  const saved: string[] = [];
  const tabs: AutosaveTabs = {
    unsaved: () => Object.keys(states).filter((p) => states[p].dirty),
    tab: (path) => (states[path] ? ({ status: 'ready', mode: 'edit', saving: false, conflict: false, saveError: null, dirty: false, ...states[path] } as TabInfo) : undefined),
    save: async (path) => {
      saved.push(path);
      if (conflicts.includes(path)) {
        states[path] = { ...states[path], conflict: true };
        return false;
      }
      states[path] = { ...states[path], dirty: false };
      return true;
    },
  };
  return { tabs, saved };
}

describe('Autosaver', () => {
  it('does nothing while the setting is off, however long the user pauses', async () => {
    const { clock, advance } = manualClock();
    const { tabs, saved } = fakeTabs({ 'a.md': { dirty: true } });
    const saver = new Autosaver(tabs, clock);
    saver.configure(null);
    saver.touched();
    await advance(3_600_000);
    expect(saved).toEqual([]);
  });

  it('saves an unsaved post once the user has not typed for the chosen seconds, not before', async () => {
    const { clock, advance } = manualClock();
    const { tabs, saved } = fakeTabs({ 'a.md': { dirty: true }, 'b.md': { dirty: false } });
    const saver = new Autosaver(tabs, clock);
    saver.configure(30);
    saver.touched();
    await advance(20_000);
    saver.touched(); // still typing: the wait starts over
    await advance(20_000);
    expect(saved).toEqual([]);
    await advance(10_000);
    expect(saved).toEqual(['a.md']);
  });

  it('leaves a post alone whose save found the file changed on disk, and never retries it by itself', async () => {
    const { clock, advance } = manualClock();
    const { tabs, saved } = fakeTabs({ 'a.md': { dirty: true }, 'b.md': { dirty: true } }, ['a.md']);
    const saver = new Autosaver(tabs, clock);
    saver.configure(5);
    saver.touched();
    await advance(5_000);
    expect(saved.sort()).toEqual(['a.md', 'b.md']);
    expect(tabs.tab('a.md')).toMatchObject({ dirty: true, conflict: true });
    saver.touched();
    await advance(5_000);
    expect(saved.sort()).toEqual(['a.md', 'b.md']);
  });

  it('skips read-only, loading and already saving posts', async () => {
    const { clock, advance } = manualClock();
    const { tabs, saved } = fakeTabs({
      'ro.md': { dirty: true, mode: 'read-only' },
      'loading.md': { dirty: true, status: 'loading' },
      'busy.md': { dirty: true, saving: true },
      'ok.md': { dirty: true },
    });
    const saver = new Autosaver(tabs, clock);
    saver.configure(1);
    saver.touched();
    await advance(1_000);
    expect(saved).toEqual(['ok.md']);
  });

  it('turning it on with unsaved work starts the wait at once; turning it off stops a wait', async () => {
    const { clock, advance } = manualClock();
    const { tabs, saved } = fakeTabs({ 'a.md': { dirty: true } });
    const saver = new Autosaver(tabs, clock);
    saver.configure(10);
    saver.configure(null);
    await advance(10_000);
    expect(saved).toEqual([]);
    saver.configure(10);
    await advance(10_000);
    expect(saved).toEqual(['a.md']);
  });

  it('never saves a post whose front matter cannot be read: it waits', async () => {
    const { clock, advance } = manualClock();
    const { tabs, saved } = fakeTabs({ 'broken.md': { dirty: true }, 'fine.md': { dirty: true } });
    const saver = new Autosaver({ ...tabs, unreadableFrontMatter: (path) => (path === 'broken.md' ? { line: 4 } : null) }, clock);
    saver.configure(2);
    saver.touched();
    await advance(2000);
    expect(saved).toEqual(['fine.md']);
  });
});
