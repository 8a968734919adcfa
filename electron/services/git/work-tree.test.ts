import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFiles } from './git-testing';
import { pruneEmptyParents } from './work-tree';

describe('pruneEmptyParents', () => {
  it('removes the folders a deletion left empty, as git does, but stops at one that still holds a file and never at the root', async () => {
    const root = tempDir();
    writeFiles(root, { 'assets/keep.png': 'x', 'assets/old/deep/logo.svg': '<svg/>' });
    fs.rmSync(path.join(root, 'assets/old/deep/logo.svg'));

    await pruneEmptyParents(root, 'assets/old/deep');

    expect(fs.existsSync(path.join(root, 'assets/old'))).toBe(false);
    expect(fs.readdirSync(path.join(root, 'assets'))).toEqual(['keep.png']);
    await pruneEmptyParents(root, '.');
    expect(fs.existsSync(root)).toBe(true);
  });
});
