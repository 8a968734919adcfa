import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileChange } from './coalesce';
import { type SiteWatch, WATCH_MAX_PATHS, watchSite } from './site-watcher';

/** A real site folder and a watch on it; `next` waits for the next batch with `pred` true (or fails after `ms`). */
let root: string;
let watch: SiteWatch | null;
let seen: { at: number; changes: FileChange[] }[];

async function startWatch(maxPaths?: number): Promise<void> {
  watch = watchSite(root, (changes) => seen.push({ at: Date.now(), changes }), { maxPaths, log: () => undefined });
  await watch.ready;
}

async function changesAfter(act: () => Promise<void>, settleMs = 400): Promise<{ changes: FileChange[]; latency: number }> {
  seen = [];
  const start = Date.now();
  await act();
  await new Promise((r) => setTimeout(r, settleMs));
  return { changes: seen.flatMap((b) => b.changes), latency: seen.length ? seen[0].at - start : Infinity };
}

beforeEach(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-watch-')));
  await fs.mkdir(path.join(root, '_posts'));
  await fs.mkdir(path.join(root, '_i18n/de/_posts'), { recursive: true });
  await fs.mkdir(path.join(root, '.git/refs/heads'), { recursive: true });
  await fs.mkdir(path.join(root, '_site'));
  await fs.writeFile(path.join(root, '.git/HEAD'), 'ref: refs/heads/main\n');
  await fs.writeFile(path.join(root, '_posts/2024-01-01-a.md'), '---\ntitle: A\n---\n');
  await fs.symlink('../../../_posts/2024-01-01-a.md', path.join(root, '_i18n/de/_posts/2024-01-01-a.md'));
  seen = [];
  watch = null;
});

afterEach(async () => {
  await watch?.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe('watchSite', () => {
  it('reports a post written, added, renamed and deleted on disk, each within a second', async () => {
    await startWatch();
    const written = await changesAfter(() => fs.writeFile(path.join(root, '_posts/2024-01-01-a.md'), 'new text'));
    expect(written.changes).toContainEqual({ path: '_posts/2024-01-01-a.md', kind: 'changed' });
    expect(written.latency).toBeLessThan(1000);

    const added = await changesAfter(() => fs.writeFile(path.join(root, '_posts/2024-02-02-b.md'), 'b'));
    expect(added.changes).toEqual([{ path: '_posts/2024-02-02-b.md', kind: 'added' }]);
    expect(added.latency).toBeLessThan(1000);

    const renamed = await changesAfter(() => fs.rename(path.join(root, '_posts/2024-02-02-b.md'), path.join(root, '_posts/2024-02-03-b.md')));
    expect(renamed.changes).toEqual(expect.arrayContaining([{ path: '_posts/2024-02-02-b.md', kind: 'removed' }, { path: '_posts/2024-02-03-b.md', kind: 'added' }]));
    expect(renamed.changes).toHaveLength(2);

    const deleted = await changesAfter(() => fs.unlink(path.join(root, '_posts/2024-02-03-b.md')));
    expect(deleted.changes).toEqual([{ path: '_posts/2024-02-03-b.md', kind: 'removed' }]);
  });

  it('reports an atomic replace (temporary file renamed over) as one change, never the temporary file', async () => {
    await startWatch();
    const target = path.join(root, '_posts/2024-01-01-a.md');
    const tmp = path.join(root, '_posts/.2024-01-01-a.md.pressroom-4242-0123456789ab-0123456789abcdef01234567.tmp');
    const { changes } = await changesAfter(async () => {
      await fs.writeFile(tmp, 'saved');
      await fs.rename(tmp, target);
    });
    expect(changes).toContainEqual({ path: '_posts/2024-01-01-a.md', kind: 'changed' });
    expect(changes.filter((c) => c.path.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a change of a linked post’s target for the link too (the post list shows both)', async () => {
    await startWatch();
    const { changes } = await changesAfter(() => fs.writeFile(path.join(root, '_posts/2024-01-01-a.md'), 'changed in English'));
    expect(changes).toEqual(expect.arrayContaining([{ path: '_posts/2024-01-01-a.md', kind: 'changed' }, { path: '_i18n/de/_posts/2024-01-01-a.md', kind: 'changed' }]));
  });

  it('never follows a link out of the site: a change in the folder it points to is not reported', async () => {
    const outside = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-watch-outside-')));
    try {
      await fs.writeFile(path.join(outside, 'secret.md'), 'outside');
      await fs.symlink(outside, path.join(root, 'linked-out'));
      await startWatch();
      const { changes } = await changesAfter(() => fs.writeFile(path.join(outside, 'secret.md'), 'changed outside'));
      expect(changes).toEqual([]);
    } finally {
      await fs.rm(outside, { recursive: true, force: true });
    }
  });

  it('does not follow a folder link that loops back into the site', async () => {
    await fs.symlink('..', path.join(root, '_posts', 'loop'));
    await startWatch();
    const { changes } = await changesAfter(() => fs.writeFile(path.join(root, '_posts/2024-01-01-a.md'), 'changed'));
    expect(changes.map((c) => c.path).filter((p) => p.includes('loop'))).toEqual([]);
    expect(changes).toEqual(expect.arrayContaining([{ path: '_posts/2024-01-01-a.md', kind: 'changed' }]));
  });

  it('sends one site-wide change when .git/HEAD moves (a branch switch), and nothing for other git internals or _site', async () => {
    await startWatch();
    const internals = await changesAfter(async () => {
      await fs.writeFile(path.join(root, '.git/index'), 'x');
      await fs.writeFile(path.join(root, '.git/refs/heads/main'), 'abc\n');
      await fs.writeFile(path.join(root, '_site/index.html'), '<p>');
    });
    expect(internals.changes).toEqual([]);
    const checkout = await changesAfter(async () => {
      await fs.writeFile(path.join(root, '.git/HEAD.lock'), 'ref: refs/heads/other\n');
      await fs.rename(path.join(root, '.git/HEAD.lock'), path.join(root, '.git/HEAD'));
    });
    expect(checkout.changes).toEqual([{ path: '', kind: 'changed' }]);
    expect(checkout.latency).toBeLessThan(1000);
  });

  it('turns a burst of 500 files into a site-wide change after at most the cap of single ones', async () => {
    await startWatch();
    const burst = await changesAfter(async () => {
      await Promise.all(Array.from({ length: 500 }, (_, i) => fs.writeFile(path.join(root, `_posts/2024-03-01-p${i}.md`), `post ${i}`)));
    }, 2000);
    // At most the cap of single paths (what went out before the burst was recognised, or a straggler after it),
    // the rest as one site-wide change (two if the burst, on a loaded machine, outlasts a second); never 500 events.
    const siteWide = seen.filter((b) => b.changes.length === 1 && b.changes[0].path === '');
    const summary = JSON.stringify(seen.map((b) => [b.at - seen[0].at, b.changes.length, b.changes[0]]));
    expect(burst.changes.filter((c) => c.path !== '').length, summary).toBeLessThanOrEqual(WATCH_MAX_PATHS);
    expect(siteWide.length, summary).toBeGreaterThanOrEqual(1);
    expect(siteWide.length, summary).toBeLessThanOrEqual(2);
  });

  it('reports nothing once closed', async () => {
    await startWatch();
    await watch?.close();
    const { changes } = await changesAfter(() => fs.writeFile(path.join(root, '_posts/2024-04-04-c.md'), 'c'));
    expect(changes).toEqual([]);
  });
});
