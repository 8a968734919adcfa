// `export.defaults`, `export.html` and `export.write` through the call edge, as the export dialog uses them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExportDefaults, ExportHtml, ExportResult } from '../../shared/contract/export-models';
import type { Result } from '../../shared/contract/errors';
import type { AppInfo, Settings, SiteSummary } from '../../shared/contract/models';
import { createAppState, defaultPageSize } from '../services/app-state';
import { type ChromiumPdfEngine, createChromiumPdfEngine } from '../services/export';
import { pdfInfo, pdfText } from '../services/export/poppler-testing';
import { createEventBus } from './event-bus';
import { createHandlers } from './handlers';
import { invokeCall } from './invoke';

const POST = '_posts/2022-09-21-neue-version.md';
const TEXT = `---
title: Neue Version erschienen
lang: de
author: Anna Müller
description: Die Kurzfassung.
---
Grüße aus Berlin: die **neue Version** ist da.
`;

let tmp: string;
let site: string;
let root: string;
let docs: string;
let engine: ChromiumPdfEngine;
let call: <T>(name: string, args: unknown) => Promise<Result<T>>;

async function value<T>(name: string, args: unknown): Promise<T> {
  const result = await call<T>(name, args);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(() => {
  engine = createChromiumPdfEngine({ idleMs: 0 });
});
afterAll(async () => {
  await engine.dispose();
});

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-export-calls-')));
  site = path.join(tmp, 'site');
  docs = path.join(tmp, 'Documents');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
  await fs.mkdir(docs);
  await fs.writeFile(path.join(site, '_config.yml'), 'title: Site\nurl: https://example.org\n');
  await fs.writeFile(path.join(site, POST), TEXT);
  const info: AppInfo = { name: 'Pressroom', version: '9.8.7', platform: process.platform, systemLanguage: 'en', documentsDir: docs, homeDir: tmp, capabilities: { folderPicker: false } };
  const handlers = createHandlers({ appState: createAppState(path.join(tmp, 'app-data'), { sampleDestination: tmp }), bus: createEventBus(), sampleDir: tmp, info, openExternal: async () => true, pdfEngine: engine });
  call = <T>(name: string, args: unknown) => invokeCall(handlers, name, args, () => undefined) as Promise<Result<T>>;
  root = (await value<SiteSummary>('site.open', { path: site })).root;
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('export.defaults', () => {
  it('proposes the Documents folder and the post’s name, then the last export folder while it exists', async () => {
    expect(await value<ExportDefaults>('export.defaults', { site: root, path: POST, format: 'pdf' })).toEqual({ folder: docs, fileName: '2022-09-21-neue-version.pdf', pageSize: defaultPageSize() });
    const last = path.join(tmp, 'exports');
    await fs.mkdir(last);
    await value<Settings>('settings.set', { patch: { exportFolder: last, exportPageSize: defaultPageSize() === 'A4' ? 'Letter' : 'A4' } });
    expect(await value<ExportDefaults>('export.defaults', { site: root, path: POST, format: 'html' })).toEqual({ folder: last, fileName: '2022-09-21-neue-version.html', pageSize: defaultPageSize() === 'A4' ? 'Letter' : 'A4' });
    await fs.rm(last, { recursive: true });
    expect((await value<ExportDefaults>('export.defaults', { site: root, path: POST, format: 'html' })).folder).toBe(docs);
    await fs.rm(docs, { recursive: true });
    expect((await value<ExportDefaults>('export.defaults', { site: root, path: POST, format: 'html' })).folder).toBe(tmp);
  });

  it('refuses a post path outside the site', async () => {
    const out = await call('export.defaults', { site: root, path: '../elsewhere.md', format: 'html' });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('outside-site');
  });
});

describe('export.html and export.write', () => {
  it('gives the standalone HTML of the file, or of the editor’s unsaved text', async () => {
    const fromFile = await value<ExportHtml>('export.html', { site: root, path: POST });
    expect(fromFile.title).toBe('Neue Version erschienen');
    expect(fromFile.language).toBe('de');
    expect(fromFile.html).toContain('Grüße aus Berlin');
    expect(fromFile.html).not.toMatch(/<script/i);
    const unsaved = await value<ExportHtml>('export.html', { site: root, path: POST, text: TEXT.replace('Grüße aus Berlin', 'Grüße aus Hamburg') });
    expect(unsaved.html).toContain('Grüße aus Hamburg');
  });

  it('writes a PDF outside the site with its metadata and remembers the folder and page size', async () => {
    const out = path.join(tmp, 'out');
    await fs.mkdir(out);
    const destination = path.join(out, 'neue-version.pdf');
    const result = await value<ExportResult>('export.write', { site: root, path: POST, format: 'pdf', pageSize: 'Letter', destination });
    expect(result.path).toBe(destination);
    expect(result.pages).toBe(1);
    const pdf = await fs.readFile(destination);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Neue Version erschienen');
    expect(info.Author).toBe('Anna Müller');
    expect(info.Creator).toBe('Pressroom 9.8.7');
    expect(info['Page size']).toContain('(letter)');
    expect(pdfText(pdf)).toContain('Grüße aus Berlin');
    const settings = await value<Settings>('settings.get', {});
    expect(settings.exportFolder).toBe(out);
    expect(settings.exportPageSize).toBe('Letter');
  });

  it('refuses to write into the site or over an existing file, and writes HTML there when replacing', async () => {
    const inside = await call('export.write', { site: root, path: POST, format: 'html', pageSize: 'A4', destination: path.join(site, 'export.html') });
    expect(inside.ok).toBe(false);
    if (!inside.ok) expect(inside.error.message).toContain('Choose a folder outside the site');
    const destination = path.join(docs, 'release.html');
    await fs.writeFile(destination, 'keep me');
    const exists = await call('export.write', { site: root, path: POST, format: 'html', pageSize: 'A4', destination });
    expect(exists.ok).toBe(false);
    if (!exists.ok) expect(exists.error.code).toBe('exists');
    expect(await fs.readFile(destination, 'utf8')).toBe('keep me');
    const replaced = await value<ExportResult>('export.write', { site: root, path: POST, format: 'html', pageSize: 'A4', destination, replace: true });
    expect(replaced.pages).toBeNull();
    expect(await fs.readFile(destination, 'utf8')).toContain('Grüße aus Berlin');
    expect((await fs.readdir(site)).sort()).toEqual(['_config.yml', '_posts']);
  });
});
