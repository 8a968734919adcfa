import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppFailure } from '../../../shared/contract/errors';
import { createDocument, detectEol, hashBytes, readDocument, saveDocument } from './document-service';
import { failureOf } from '../../../shared/contract/errors-testing';
import { putFile, useTempAppData } from './documents-testing';

useTempAppData();

let base: string;
let site: string;

beforeEach(async () => {
  base = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-docs-')));
  site = path.join(base, 'site');
  await fs.mkdir(path.join(site, '_posts', 'en'), { recursive: true });
  await fs.mkdir(path.join(site, '_posts', 'de'), { recursive: true });
});

afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const put = (rel: string, content: string | Uint8Array): Promise<string> => putFile(site, rel, content);

const BOM = '\uFEFF';
const CRLF_POST = `${BOM}---\r\ntitle: Hällo\r\nlang: de\r\n---\r\n\r\nErste Zeile.\r\nZweite Zeile.\r\n`;

describe('readDocument', () => {
  it('gives the text without BOM and records BOM, CRLF endings, final newline and a sha256 version', async () => {
    const abs = await put('_posts/en/2024-01-01-crlf.md', CRLF_POST);
    const doc = await readDocument(site, '_posts/en/2024-01-01-crlf.md');
    expect(doc.text.startsWith('---\r\ntitle: Hällo')).toBe(true);
    expect(doc.bom).toBe(true);
    expect(doc.eol).toBe('crlf');
    expect(doc.finalNewline).toBe(true);
    expect(doc.path).toBe('_posts/en/2024-01-01-crlf.md');
    expect(doc.symlinkTarget).toBeNull();
    expect(doc.version).toBe(hashBytes(await fs.readFile(abs)));
    expect(doc.version).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects LF, none, mixed and a missing final newline', async () => {
    await put('lf.md', 'a\nb\n');
    await put('none.md', 'one line');
    await put('mixed.md', 'a\r\nb\nc');
    expect(await readDocument(site, 'lf.md')).toMatchObject({ eol: 'lf', finalNewline: true, bom: false });
    expect(await readDocument(site, 'none.md')).toMatchObject({ eol: 'none', finalNewline: false });
    expect(await readDocument(site, 'mixed.md')).toMatchObject({ eol: 'mixed', finalNewline: false, text: 'a\r\nb\nc' });
    expect(detectEol('a\rb\r')).toBe('mixed');
  });

  it('refuses a binary file (NUL bytes) as not-text', async () => {
    await put('assets/logo.png', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d));
    const failure = await failureOf(readDocument(site, 'assets/logo.png'));
    expect(failure.error).toMatchObject({ code: 'not-text', path: 'assets/logo.png' });
    expect(failure.message).toMatch(/binary/);
  });

  it('refuses invalid UTF-8 (e.g. Latin-1) as not-text with a clear message', async () => {
    await put('_posts/en/latin1.md', Uint8Array.from([0x53, 0x63, 0x68, 0xf6, 0x6e, 0x0a])); // "Schön" in Latin-1
    const failure = await failureOf(readDocument(site, '_posts/en/latin1.md'));
    expect(failure.error.code).toBe('not-text');
    expect(failure.message).toMatch(/UTF-8/);
  });

  it('refuses a file larger than 20 MB as too-large', async () => {
    const abs = path.join(site, 'huge.md');
    await fs.writeFile(abs, '');
    await fs.truncate(abs, 20 * 1024 * 1024 + 1);
    expect((await failureOf(readDocument(site, 'huge.md'))).error.code).toBe('too-large');
  });

  it('names the target of a symlinked post, site-relative', async () => {
    await put('_posts/en/2024-01-01-hello.md', 'hello\n');
    await fs.symlink('../en/2024-01-01-hello.md', path.join(site, '_posts', 'de', '2024-01-01-hello.md'));
    const doc = await readDocument(site, '_posts/de/2024-01-01-hello.md');
    expect(doc.symlinkTarget).toBe('_posts/en/2024-01-01-hello.md');
    expect(doc.text).toBe('hello\n');
  });

  it('refuses a link leading outside the site, and a missing file', async () => {
    await fs.writeFile(path.join(base, 'secret.txt'), 'secret');
    await fs.symlink(path.join(base, 'secret.txt'), path.join(site, '_posts', 'en', 'leak.md'));
    expect((await failureOf(readDocument(site, '_posts/en/leak.md'))).error.code).toBe('outside-site');
    expect((await failureOf(readDocument(site, '../secret.txt'))).error.code).toBe('outside-site');
    expect((await failureOf(readDocument(site, '_posts/en/missing.md'))).error.code).toBe('not-found');
    expect((await failureOf(readDocument(site, '_posts'))).error.code).toBe('not-readable');
  });
});

describe('saveDocument', () => {
  it('writes back identical bytes (CRLF, BOM, final newline) when the text is unchanged, without touching the file', async () => {
    const abs = await put('_posts/en/p.md', CRLF_POST);
    const before = await fs.readFile(abs);
    const inodeBefore = (await fs.stat(abs)).ino;
    const doc = await readDocument(site, '_posts/en/p.md');
    const result = await saveDocument(site, '_posts/en/p.md', doc.text, doc.version);
    expect(result.version).toBe(doc.version);
    expect((await fs.readFile(abs)).equals(before)).toBe(true);
    expect((await fs.stat(abs)).ino).toBe(inodeBefore); // not rewritten at all
  });

  it('after a one-line edit only that line differs, endings and BOM kept', async () => {
    const abs = await put('_posts/en/p.md', CRLF_POST);
    const doc = await readDocument(site, '_posts/en/p.md');
    const edited = doc.text.replace('Zweite Zeile.', 'Zweite Zeile, geändert.');
    const result = await saveDocument(site, '_posts/en/p.md', edited, doc.version);
    const after = await fs.readFile(abs, 'utf8');
    expect(after).toBe(CRLF_POST.replace('Zweite Zeile.', 'Zweite Zeile, geändert.'));
    const beforeLines = CRLF_POST.split('\r\n');
    const afterLines = after.split('\r\n');
    expect(afterLines.length).toBe(beforeLines.length);
    expect(afterLines.filter((l, i) => l !== beforeLines[i])).toEqual(['Zweite Zeile, geändert.']);
    expect(result.version).toBe(hashBytes(await fs.readFile(abs)));
    expect((await readDocument(site, '_posts/en/p.md')).version).toBe(result.version);
  });

  it('converts LF text from an editor back to CRLF for a CRLF file', async () => {
    const abs = await put('p.md', 'a\r\nb\r\n');
    const doc = await readDocument(site, 'p.md');
    await saveDocument(site, 'p.md', 'a\nb\nc\n', doc.version);
    expect(await fs.readFile(abs, 'utf8')).toBe('a\r\nb\r\nc\r\n');
  });

  it('keeps LF files LF and adds no BOM', async () => {
    const abs = await put('p.md', 'a\nb\n');
    const doc = await readDocument(site, 'p.md');
    await saveDocument(site, 'p.md', 'a\nB\n', doc.version);
    expect(await fs.readFile(abs, 'utf8')).toBe('a\nB\n');
  });

  it('preserves mixed endings when the text is saved unchanged, and keeps them on an edit', async () => {
    const mixed = 'one\r\ntwo\nthree\r\n';
    const abs = await put('mixed.md', mixed);
    const doc = await readDocument(site, 'mixed.md');
    await saveDocument(site, 'mixed.md', doc.text, doc.version);
    expect(await fs.readFile(abs, 'utf8')).toBe(mixed);
    await saveDocument(site, 'mixed.md', doc.text.replace('two', 'TWO'), doc.version);
    expect(await fs.readFile(abs, 'utf8')).toBe('one\r\nTWO\nthree\r\n');
  });

  it('refuses with conflict and writes nothing when the file changed on disk since it was opened', async () => {
    const abs = await put('p.md', 'original\n');
    const doc = await readDocument(site, 'p.md');
    await fs.writeFile(abs, 'changed by someone else\n');
    const failure = await failureOf(saveDocument(site, 'p.md', 'my edit\n', doc.version));
    expect(failure.error).toMatchObject({ code: 'conflict', path: 'p.md' });
    expect(failure.message).toMatch(/changed on disk since it was opened/);
    expect(await fs.readFile(abs, 'utf8')).toBe('changed by someone else\n');
    expect((await fs.readdir(site)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses with conflict when the file was deleted since it was opened, and does not recreate it', async () => {
    const abs = await put('p.md', 'original\n');
    const doc = await readDocument(site, 'p.md');
    await fs.rm(abs);
    expect((await failureOf(saveDocument(site, 'p.md', 'my edit\n', doc.version))).error.code).toBe('conflict');
    await expect(fs.access(abs)).rejects.toThrow();
  });

  it('writes a symlinked post through to its target; the link stays a link', async () => {
    const target = await put('_posts/en/2024-01-01-hello.md', 'hello\n');
    const link = path.join(site, '_posts', 'de', '2024-01-01-hello.md');
    await fs.symlink('../en/2024-01-01-hello.md', link);
    const doc = await readDocument(site, '_posts/de/2024-01-01-hello.md');
    await saveDocument(site, '_posts/de/2024-01-01-hello.md', 'hallo\n', doc.version);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe('../en/2024-01-01-hello.md');
    expect(await fs.readFile(target, 'utf8')).toBe('hallo\n');
  });

  it('refuses to save through a link leading outside the site, and the outside file stays untouched', async () => {
    const secret = path.join(base, 'secret.md');
    await fs.writeFile(secret, 'outside\n');
    await fs.symlink(secret, path.join(site, 'leak.md'));
    const failure = await failureOf(saveDocument(site, 'leak.md', 'pwned\n', hashBytes(Buffer.from('outside\n'))));
    expect(failure.error.code).toBe('outside-site');
    expect(await fs.readFile(secret, 'utf8')).toBe('outside\n');
    expect((await fs.lstat(path.join(site, 'leak.md'))).isSymbolicLink()).toBe(true);
  });

  it('keeps the file mode on save', async () => {
    const abs = await put('p.md', 'x\n');
    await fs.chmod(abs, 0o664);
    const doc = await readDocument(site, 'p.md');
    await saveDocument(site, 'p.md', 'y\n', doc.version);
    expect((await fs.stat(abs)).mode & 0o777).toBe(0o664);
  });
});

describe('createDocument', () => {
  it('creates a new file, with missing folders, and returns its version', async () => {
    const result = await createDocument(site, '_posts/fr/2024-02-02-bonjour.md', '---\ntitle: Bonjour\n---\n');
    const abs = path.join(site, '_posts', 'fr', '2024-02-02-bonjour.md');
    expect(await fs.readFile(abs, 'utf8')).toBe('---\ntitle: Bonjour\n---\n');
    expect(result.version).toBe(hashBytes(await fs.readFile(abs)));
    expect((await fs.stat(abs)).mode & 0o777).toBe(0o644);
    expect(await fs.readdir(path.join(site, '_posts', 'fr'))).toEqual(['2024-02-02-bonjour.md']);
    expect((await readDocument(site, '_posts/fr/2024-02-02-bonjour.md')).version).toBe(result.version);
  });

  it('never overwrites an existing file, a symlink or a dangling symlink, and leaves no temporary file', async () => {
    const abs = await put('_posts/en/taken.md', 'precious\n');
    await fs.symlink('taken.md', path.join(site, '_posts', 'en', 'alias.md'));
    await fs.symlink('nowhere.md', path.join(site, '_posts', 'en', 'dangling.md'));
    for (const rel of ['_posts/en/taken.md', '_posts/en/alias.md', '_posts/en/dangling.md', '_posts/en/../en/taken.md']) {
      const failure = await failureOf(createDocument(site, rel, 'new\n'));
      expect(failure.error).toMatchObject({ code: 'exists', path: rel });
    }
    expect(await fs.readFile(abs, 'utf8')).toBe('precious\n');
    await expect(fs.access(path.join(site, '_posts', 'en', 'nowhere.md'))).rejects.toThrow();
    expect((await fs.readdir(path.join(site, '_posts', 'en'))).sort()).toEqual(['alias.md', 'dangling.md', 'taken.md']);
  });

  it('lets exactly one of many concurrent creates of the same name win', async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => createDocument(site, 'race.md', `writer ${i}\n`)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won.length).toBe(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as AppFailure).error.code).toBe('exists');
    expect(await fs.readFile(path.join(site, 'race.md'), 'utf8')).toMatch(/^writer \d\n$/);
    expect((await fs.readdir(site)).sort()).toEqual(['_posts', 'race.md']);
  });

  it('refuses names outside the site', async () => {
    expect((await failureOf(createDocument(site, '../escape.md', 'x'))).error.code).toBe('outside-site');
    await fs.symlink(base, path.join(site, 'up'), 'dir');
    expect((await failureOf(createDocument(site, 'up/escape.md', 'x'))).error.code).toBe('outside-site');
    await expect(fs.access(path.join(base, 'escape.md'))).rejects.toThrow();
  });
});
