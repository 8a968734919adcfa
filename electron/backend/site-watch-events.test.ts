// Files changed on disk under an open site reach the transports as `file.changed` on the event bus (both
// transports forward the bus; electron/server/http-server.test.ts checks the SSE leg, electron/main/ipc.test.ts IPC).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/contract/contract';
import type { PostEntry, SiteSummary } from '../../shared/contract/models';
import { watchOpenedSites } from './calls/open-sites';
import { createEventBus } from './event-bus';
import { createTestHandlers } from './test-handlers';
import type { SiteWatches } from '../services/watch';

let tmp: string;
let site: string;
let watches: SiteWatches;
let events: Events['file.changed'][];
let call: ReturnType<typeof createTestHandlers>['call'];

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

async function openSite(folder: string): Promise<string> {
  const opened = await call<SiteSummary>('site.open', { path: folder });
  if (!opened.ok) throw new Error(opened.error.message);
  await watches.watch(opened.value.root); // already watched: resolves once its first walk is done
  return opened.value.root;
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-site-watch-')));
  site = path.join(tmp, 'site');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
  await fs.writeFile(path.join(site, '_config.yml'), 'title: T\n');
  await fs.writeFile(path.join(site, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\nText\n');
  const bus = createEventBus();
  events = [];
  bus.subscribe((m) => {
    if (m.name === 'file.changed') events.push(m.payload as Events['file.changed']);
  });
  watches = watchOpenedSites(bus, { max: 2 });
  ({ call } = createTestHandlers(tmp, bus));
});

afterEach(async () => {
  await watches.closeAll();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('file.changed from an opened site', () => {
  it('tells the renderer that a post appeared or went away, and site.posts with refresh lists it', async () => {
    const root = await openSite(site);
    await fs.writeFile(path.join(site, '_posts/2024-02-02-b.md'), '---\ntitle: B\n---\n');
    await settle();
    expect(events).toEqual([{ site: root, path: '_posts/2024-02-02-b.md', kind: 'added' }]);
    const listed = await call<PostEntry[]>('site.posts', { site: root, refresh: true });
    expect(listed.ok && listed.value.map((p) => p.path).sort()).toEqual(['_posts/2024-01-01-a.md', '_posts/2024-02-02-b.md']);

    events = [];
    await fs.unlink(path.join(site, '_posts/2024-01-01-a.md'));
    await settle();
    expect(events).toEqual([{ site: root, path: '_posts/2024-01-01-a.md', kind: 'removed' }]);
  });

  it('reports our own save as a change too (the renderer tells it apart by the version it saved)', async () => {
    const root = await openSite(site);
    const opened = await call<{ version: string }>('document.read', { site: root, path: '_posts/2024-01-01-a.md' });
    expect(opened.ok).toBe(true);
    const saved = await call('document.save', { site: root, path: '_posts/2024-01-01-a.md', text: '---\ntitle: A\n---\nNew\n', baseVersion: opened.ok ? opened.value.version : '' });
    expect(saved.ok).toBe(true);
    await settle();
    expect(events).toEqual([{ site: root, path: '_posts/2024-01-01-a.md', kind: 'changed' }]);
  });

  it('watches a site opened twice once, and stops watching the least recently opened beyond the limit', async () => {
    const root = await openSite(site);
    await openSite(site);
    expect(watches.roots()).toEqual([root]);
    const others = [path.join(tmp, 'two'), path.join(tmp, 'three')];
    for (const other of others) {
      await fs.mkdir(path.join(other, '_posts'), { recursive: true });
      await fs.writeFile(path.join(other, '_config.yml'), 'title: O\n');
      await openSite(other);
    }
    expect(watches.roots()).toEqual(others);
    await fs.writeFile(path.join(site, '_posts/2024-03-03-c.md'), 'c');
    await fs.writeFile(path.join(others[1], '_posts/2024-03-03-d.md'), 'd');
    await settle();
    expect(events).toEqual([{ site: others[1], path: '_posts/2024-03-03-d.md', kind: 'added' }]);
  });
});
