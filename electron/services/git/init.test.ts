import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitCli, makeRepo, tempDir } from './git-testing';
import { initRepo } from './init';

describe('initRepo', () => {
  it('makes the site a repository whose first branch is main', async () => {
    const site = tempDir();
    fs.writeFileSync(path.join(site, 'index.md'), 'hi\n');
    const repo = await initRepo(site);
    expect(repo).toMatchObject({ dir: site, gitdir: path.join(site, '.git'), sitePrefix: '' });
    expect(gitCli(site, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(gitCli(site, 'status', '--porcelain')).toBe('?? index.md\n');
  });

  it('refuses a site that already is inside a repository, changing nothing', async () => {
    const dir = makeRepo({ 'site/index.md': 'hi\n' });
    await expect(initRepo(path.join(dir, 'site'))).rejects.toMatchObject({ error: { code: 'exists', path: dir } });
    await expect(initRepo(dir)).rejects.toMatchObject({ error: { code: 'exists' } });
    expect(fs.existsSync(path.join(dir, 'site', '.git'))).toBe(false);
  });
});
