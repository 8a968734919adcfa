import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract/contract';
import type { AppError, Result } from '../../shared/contract/errors';
import type { AppInfo, ProgressEvent } from '../../shared/contract/models';
import type { EventMessage } from '../../shared/contract/transport';
import { createAppState } from '../services/app-state';
import { createEventBus } from './event-bus';
import { createHandlers, type HandlerDeps } from './handlers';
import { invokeCall } from './invoke';

let tmp: string;
let site: string;
let sample: string;
let docs: string;
let events: EventMessage[];
let opened: string[];
let handlers: Handlers;

const POST = '---\ntitle: Hello world\ndate: 2024-03-01\n---\nFirst post.\n';

async function writeSite(root: string): Promise<void> {
  await fs.mkdir(path.join(root, '_posts'), { recursive: true });
  await fs.writeFile(path.join(root, '_config.yml'), 'title: Test Press\n');
  await fs.writeFile(path.join(root, '_posts', '2024-03-01-hello.md'), POST);
}

function makeHandlers(extra: Partial<HandlerDeps> = {}): Handlers {
  const bus = createEventBus();
  bus.subscribe((m) => events.push(m));
  const info: AppInfo = {
    name: 'Pressroom',
    version: '0.0.0-test',
    platform: process.platform,
    systemLanguage: 'en-US',
    documentsDir: docs,
    homeDir: tmp,
    capabilities: { folderPicker: false },
  };
  return createHandlers({
    appState: createAppState(path.join(tmp, 'app-data'), { sampleDestination: docs }),
    bus,
    sampleDir: sample,
    info,
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
    ...extra,
  });
}

/** Calls through the same edge the transports use, so failures arrive as the renderer sees them. */
async function call(name: string, args: unknown): Promise<Result<unknown>> {
  return invokeCall(handlers, name, args, () => undefined);
}

async function failure(name: string, args: unknown): Promise<AppError> {
  const result = await call(name, args);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-handlers-')));
  site = path.join(tmp, 'site');
  sample = path.join(tmp, 'sample');
  docs = path.join(tmp, 'Documents');
  await writeSite(site);
  await writeSite(sample);
  await fs.mkdir(docs);
  events = [];
  opened = [];
  handlers = makeHandlers();
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('app and settings', () => {
  it('tells the renderer about the app and keeps settings changes', async () => {
    expect((await handlers['app.info']({})).name).toBe('Pressroom');
    const s = await handlers['settings.set']({ patch: { theme: 'dark' } });
    expect(s.theme).toBe('dark');
    expect((await makeHandlers()['settings.get']({})).theme).toBe('dark');
  });
});

describe('site.open and site.posts', () => {
  it('opens a site, reports progress to the end and remembers it as recent', async () => {
    const summary = await handlers['site.open']({ path: site });
    expect(summary.root).toBe(site);
    expect(summary.postCount).toBe(1);
    const progress = events.filter((e) => e.name === 'progress').map((e) => e.payload as ProgressEvent);
    expect(progress.at(-1)).toMatchObject({ label: 'progress.scanning', finished: true, done: 1 });
    expect(new Set(progress.map((p) => p.id)).size).toBe(1);
    const recent = await handlers['recent.list']({});
    expect(recent.map((r) => [r.path, r.exists])).toEqual([[site, true]]);
    expect(await handlers['recent.remove']({ path: site })).toEqual([]);
  });

  it('understands ~ as typed in the browser-mode path field', async () => {
    expect((await handlers['site.open']({ path: '~/site' })).root).toBe(site);
  });

  it('refuses a folder that is not a site, without remembering it', async () => {
    const plain = path.join(tmp, 'plain');
    await fs.mkdir(plain);
    const error = await failure('site.open', { path: plain });
    expect(error.code).toBe('not-a-site');
    expect(await handlers['recent.list']({})).toEqual([]);
    expect(events.filter((e) => e.name === 'progress').at(-1)?.payload).toMatchObject({ finished: true });
  });

  it('lists posts only for a site opened in this session, from the opening scan unless refreshed', async () => {
    expect(await failure('site.posts', { site })).toMatchObject({ code: 'not-found', message: 'This site is not open.' });
    const { root } = await handlers['site.open']({ path: site });
    expect((await handlers['site.posts']({ site: root })).map((p) => p.title)).toEqual(['Hello world']);
    await fs.writeFile(path.join(site, '_posts', '2024-04-01-second.md'), '---\ntitle: Second\n---\nMore.\n');
    expect((await handlers['site.posts']({ site: root })).map((p) => p.title)).toEqual(['Hello world']);
    expect((await handlers['site.posts']({ site: root, refresh: true })).map((p) => p.title).sort()).toEqual(['Hello world', 'Second']);
  });
});

describe('documents', () => {
  it('reads and saves a post of an open site, with conflict detection', async () => {
    const { root } = await handlers['site.open']({ path: site });
    const rel = '_posts/2024-03-01-hello.md';
    const doc = await handlers['document.read']({ site: root, path: rel });
    expect(doc.text).toBe(POST);
    const saved = await handlers['document.save']({ site: root, path: rel, text: `${POST}Edited.\n`, baseVersion: doc.version });
    expect(saved.version).not.toBe(doc.version);
    expect(await fs.readFile(path.join(site, rel), 'utf8')).toBe(`${POST}Edited.\n`);
    expect((await failure('document.save', { site: root, path: rel, text: 'stale', baseVersion: doc.version })).code).toBe('conflict');
    expect(await fs.readFile(path.join(site, rel), 'utf8')).toBe(`${POST}Edited.\n`);
  });

  it('refuses documents of sites that are not open and paths that leave the site', async () => {
    await fs.writeFile(path.join(tmp, 'secret.txt'), 'secret');
    expect((await failure('document.read', { site, path: '_posts/2024-03-01-hello.md' })).code).toBe('not-found');
    expect((await failure('document.read', { site: tmp, path: 'secret.txt' })).code).toBe('not-found');
    const { root } = await handlers['site.open']({ path: site });
    expect((await failure('document.read', { site: root, path: '../secret.txt' })).code).toBe('outside-site');
    expect((await failure('document.save', { site: root, path: '../secret.txt', text: 'x', baseVersion: 'v' })).code).toBe('outside-site');
    expect(await fs.readFile(path.join(tmp, 'secret.txt'), 'utf8')).toBe('secret');
  });
});

describe('sample.create', () => {
  it('copies the sample into the settings destination by default, and the copy opens as a site', async () => {
    const { path: created } = await handlers['sample.create']({});
    expect(created).toBe(path.join(docs, 'Pressroom sample site'));
    expect((await handlers['site.open']({ path: created })).postCount).toBe(1);
    const other = path.join(tmp, 'elsewhere');
    await fs.mkdir(other);
    expect((await handlers['sample.create']({ destination: other })).path).toBe(path.join(other, 'Pressroom sample site'));
  });
});

describe('dialogs, completion and links', () => {
  it('has no folder picker in browser mode, and uses the host picker when there is one', async () => {
    expect((await failure('dialog.pickFolder', { purpose: 'open-site' })).code).toBe('not-supported');
    const withPicker = makeHandlers({ pickFolder: async (purpose, defaultPath) => `${purpose}:${defaultPath}` });
    expect(await withPicker['dialog.pickFolder']({ purpose: 'sample-destination', defaultPath: docs })).toBe(`sample-destination:${docs}`);
  });

  it('completes folder paths from home and marks sites', async () => {
    expect(await handlers['fs.completePath']({ partial: '~/si' })).toEqual([{ path: site, isSite: true }]);
  });

  it('opens web links but refuses anything that could run a program', async () => {
    expect(await handlers['shell.openExternal']({ url: 'https://example.org/news' })).toEqual({ opened: true });
    expect((await failure('shell.openExternal', { url: 'file:///etc/passwd' })).code).toBe('refused');
    expect((await failure('shell.openExternal', { url: 'https://user:pw@example.org/' })).code).toBe('refused');
    expect(opened).toEqual(['https://example.org/news']);
  });
});
