import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './run-cli';

let tmp: string;


function run(args: string[]): Promise<CliRun> {
  return runCli(['frontmatter', ...args], { appDataDir: path.join(tmp, 'app-data') });
}


/** `git diff --numstat` between two files: lines added and removed, as a reviewer would see them. */
function gitNumstat(a: string, b: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['diff', '--no-index', '--numstat', a, b], (_error, stdout) => resolve(stdout.split('\t').slice(0, 2).join('\t')));
  });
}

const POST = `---
layout: post # default
title: "Kestrel 1.1 released"
published: no
date: 2022-09-21 10:00:00 +0200
author:
  - "Jonas Becker"
tags: [gpu, cloud]
---
Body text stays.
`;

async function post(name: string, text = POST): Promise<string> {
  const file = path.join(tmp, name);
  await fs.writeFile(file, text);
  return file;
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-fm-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pressroom frontmatter --get', () => {
  it('prints scalars as written and lists one item per line', async () => {
    const file = await post('get.md');
    expect(await run([file, '--get', 'title'])).toEqual({ code: 0, stdout: 'Kestrel 1.1 released\n', stderr: '' });
    expect((await run([file, '--get', 'published'])).stdout).toBe('no\n');
    expect((await run([file, '--get', 'date'])).stdout).toBe('2022-09-21 10:00:00 +0200\n');
    expect((await run([file, '--get', 'tags'])).stdout).toBe('gpu\ncloud\n');
    expect((await run([file, '--get', 'published', '--json'])).stdout).toBe('false\n');
    expect((await run([file, '--get', 'author', '--json'])).stdout).toBe('["Jonas Becker"]\n');
  });

  it('fails clearly for a missing field, a missing file and broken YAML', async () => {
    const file = await post('get-missing.md');
    const missing = await run([file, '--get', 'subtitle']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no front-matter field "subtitle"/);
    const nofile = await run([path.join(tmp, 'nope.md'), '--get', 'title']);
    expect(nofile.code).toBe(1);
    expect(nofile.stderr).toMatch(/There is no file at/);
    const broken = await run([await post('broken.md', '---\ntitle: ok\ntitle: again\n---\n'), '--get', 'title']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/line 3: The key "title" appears twice/);
  });
});

describe('pressroom frontmatter --set', () => {
  it('changes exactly one line, prints nothing and keeps the rest byte for byte', async () => {
    const file = await post('set.md');
    const before = await post('set-before.md');
    expect(await run([file, '--set', 'title=Kestrel 1.1: now with GPUs'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await gitNumstat(before, file)).toBe('1\t1');
    expect(await fs.readFile(file, 'utf8')).toBe(POST.replace('"Kestrel 1.1 released"', '"Kestrel 1.1: now with GPUs"'));
  });

  it('reads the value as YAML 1.1 and keeps the yes/no style of booleans', async () => {
    const file = await post('bool.md');
    expect((await run([file, '--set', 'published=true'])).code).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toBe(POST.replace('published: no', 'published: yes'));
    expect((await run([file, '--set', 'weight=3', '--set', "note='12'"])).code).toBe(0);
    expect(await fs.readFile(file, 'utf8')).toMatch(/\nweight: 3\nnote: "12"\n---\n/);
  });

  it('sets lists from JSON, keeping the list style, and keeps CRLF line endings', async () => {
    const file = await post('list.md', POST.replace(/\n/g, '\r\n'));
    expect((await run([file, '--json', '--set', 'author=["Jonas Becker","Mara Lindqvist"]'])).code).toBe(0);
    const text = await fs.readFile(file, 'utf8');
    expect(text).toBe(POST.replace('  - "Jonas Becker"\n', '  - "Jonas Becker"\n  - "Mara Lindqvist"\n').replace(/\n/g, '\r\n'));
  });

  it('refuses broken front matter and a bad command line without touching the file', async () => {
    const text = '---\ntitle: [broken\n---\nBody\n';
    const file = await post('refuse.md', text);
    const refused = await run([file, '--set', 'title=x']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/line 2/);
    expect(await fs.readFile(file, 'utf8')).toBe(text);
    const usage = await run([file, '--set', 'no-equals-sign']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--set needs <key>=<value>/);
    expect((await run([file])).code).toBe(2);
    expect((await run([file, '--json', '--set', 'a=[1'])).stderr).toMatch(/not valid JSON/);
  });
});
