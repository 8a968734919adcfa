// `recovery.*`, `session.*` and the save that forgets a recovered text, through the call edge as the renderer
// uses them: kept text survives a restart byte for byte, a save or a discard removes it, a closed site is refused.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, RecoveredDocument, SaveResult, Session, SiteSummary } from '../../shared/contract/models';
import { keptTextOnDisk } from './calls/recovery-calls';
import { createTestHandlers } from './test-handlers';

let tmp: string;
let site: string;
let call: ReturnType<typeof createTestHandlers>['call'];
const previousAppData = process.env.PRESSROOM_APP_DATA;
const POST = '_posts/2024-03-01-hello.md';
const TEXT = '---\ntitle: Hello\n---\nFirst post.\n';

/** A fresh app over the same temporary folder (app data included): what the next start sees. */
async function restart(): Promise<string> {
  ({ call } = createTestHandlers(tmp));
  const opened = await call<SiteSummary>('site.open', { path: site });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.root;
}

async function value<T>(name: string, args: unknown): Promise<T> {
  const r = await call<T>(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-recovery-calls-')));
  process.env.PRESSROOM_APP_DATA = path.join(tmp, 'app-data');
  site = path.join(tmp, 'site');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
  await fs.writeFile(path.join(site, '_config.yml'), 'title: T\n');
  await fs.writeFile(path.join(site, POST), TEXT);
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
afterAll(() => {
  if (previousAppData === undefined) delete process.env.PRESSROOM_APP_DATA;
  else process.env.PRESSROOM_APP_DATA = previousAppData;
});

describe('recovery calls', () => {
  it('offers the kept text after a restart, exactly as typed, with the version on disk now', async () => {
    let root = await restart();
    const doc = await value<DocumentSnapshot>('document.read', { site: root, path: POST });
    const typed = `${TEXT}\r\nMore 👋🏽 text\u00a0 with CRLF\r\n`;
    await value('recovery.put', { site: root, path: POST, text: typed, baseVersion: doc.version });
    root = await restart();
    const offered = await value<RecoveredDocument[]>('recovery.list', { site: root });
    expect(offered).toEqual([{ path: POST, text: typed, baseVersion: doc.version, savedAt: expect.any(String), diskVersion: doc.version }]);
  });

  it('tells the file changed since (another version) or is gone (null)', async () => {
    const root = await restart();
    const doc = await value<DocumentSnapshot>('document.read', { site: root, path: POST });
    await fs.writeFile(path.join(site, '_posts/gone.md'), 'soon gone\n');
    await value('recovery.put', { site: root, path: POST, text: 'mine', baseVersion: doc.version });
    await value('recovery.put', { site: root, path: '_posts/gone.md', text: 'kept', baseVersion: 'v0' });
    await fs.writeFile(path.join(site, POST), 'changed by someone else\n');
    await fs.rm(path.join(site, '_posts/gone.md'));
    const offered = await value<RecoveredDocument[]>('recovery.list', { site: root });
    const byPath = Object.fromEntries(offered.map((o) => [o.path, o]));
    expect(byPath[POST].diskVersion).not.toBe(doc.version);
    expect(byPath[POST].diskVersion).toMatch(/^[0-9a-f]{64}$/);
    expect(byPath['_posts/gone.md']).toMatchObject({ text: 'kept', diskVersion: null });
  });

  it('forgets the kept text when the document is saved, and when it is discarded', async () => {
    const root = await restart();
    const doc = await value<DocumentSnapshot>('document.read', { site: root, path: POST });
    await value('recovery.put', { site: root, path: POST, text: `${TEXT}edited\n`, baseVersion: doc.version });
    await value<SaveResult>('document.save', { site: root, path: POST, text: `${TEXT}edited and saved\n`, baseVersion: doc.version });
    expect(await value('recovery.list', { site: root })).toEqual([]);
    await fs.writeFile(path.join(site, '_posts/b.md'), 'b\n');
    await value('recovery.put', { site: root, path: '_posts/b.md', text: 'b changed', baseVersion: 'v' });
    expect(await value('recovery.discard', { site: root, path: '_posts/b.md' })).toEqual({ removed: true });
    expect(await value('recovery.discard', { site: root, path: '_posts/b.md' })).toEqual({ removed: false });
    expect(await value('recovery.list', { site: root })).toEqual([]);
  });

  it('keeps the text when a save is refused (conflict): nothing typed is lost', async () => {
    const root = await restart();
    await value('recovery.put', { site: root, path: POST, text: 'mine', baseVersion: 'stale' });
    expect(await call('document.save', { site: root, path: POST, text: 'mine', baseVersion: 'stale' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await value<RecoveredDocument[]>('recovery.list', { site: root })).map((o) => o.text)).toEqual(['mine']);
  });

  it('drops a kept text the file already holds (a save that raced its put), also with CRLF on disk', async () => {
    const root = await restart();
    await value('recovery.put', { site: root, path: POST, text: TEXT, baseVersion: 'v' });
    await fs.writeFile(path.join(site, '_posts/crlf.md'), 'a\r\nb\r\n');
    await value('recovery.put', { site: root, path: '_posts/crlf.md', text: 'a\nb\n', baseVersion: 'v' });
    expect(await value('recovery.list', { site: root })).toEqual([]);
    // And it is gone for good, not only hidden.
    await fs.writeFile(path.join(site, POST), 'other\n');
    expect(await value('recovery.list', { site: root })).toEqual([]);
  });

  it('refuses a site that is not open, a path out of the site, and a NUL in the path, without keeping anything', async () => {
    ({ call } = createTestHandlers(tmp));
    expect(await call('recovery.put', { site, path: POST, text: 'x', baseVersion: 'v' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('recovery.list', { site })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const root = await restart();
    expect(await call('recovery.put', { site: root, path: '../x.md', text: 'x', baseVersion: 'v' })).toMatchObject({ ok: false, error: { code: 'outside-site' } });
    expect(await call('recovery.put', { site: root, path: '_posts/\u0000.md', text: 'x', baseVersion: 'v' })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await value('recovery.list', { site: root })).toEqual([]);
  });
});

describe('session calls', () => {
  it('reopens the site and its tabs after a restart, and nothing once the site was closed', async () => {
    let root = await restart();
    expect(await value('session.get', {})).toBeNull();
    await value('session.put', { site: root, tabs: [POST, '_posts/b.md'], active: '_posts/b.md' });
    root = await restart();
    expect(await value<Session>('session.get', {})).toEqual({ site: root, tabs: [POST, '_posts/b.md'], active: '_posts/b.md', savedAt: expect.any(String) });
    await value('session.put', { site: null, tabs: [], active: null });
    await restart();
    expect(await value('session.get', {})).toBeNull();
  });

  it('records only a site opened in this session', async () => {
    ({ call } = createTestHandlers(tmp));
    expect(await call('session.put', { site, tabs: [], active: null })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await value('session.get', {})).toBeNull();
  });
});

describe('keptTextOnDisk', () => {
  it('counts the editor text of a CRLF or old-Mac file as the same text, and nothing else', () => {
    expect(keptTextOnDisk('a\nb', 'a\r\nb')).toBe(true);
    expect(keptTextOnDisk('a\nb', 'a\rb')).toBe(true);
    expect(keptTextOnDisk('a\r\nb', 'a\r\nb')).toBe(true);
    expect(keptTextOnDisk('a\nb ', 'a\r\nb')).toBe(false);
  });
});
