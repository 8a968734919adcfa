// `pressroom git …` bundled as the app ships it and run as a real process with NO `git` on its PATH: the app's own
// engine does the work, and the real git (called by the test only) checks what it did.
import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitStatus } from '../../shared/contract/git-models';
import { createAppState } from '../services/app-state';
import { gitCli, makeRepo, tempDir, testHome } from '../services/git/git-testing';
import { type GitRemoteServer, REMOTE_TOKEN, REMOTE_USER, startGitRemote } from '../services/git/git-remote-testing';
import { type CliRun, outputOf } from './run-cli';

let tmp: string;
let noGitPath: string;
let bundle: string;
let remote: GitRemoteServer;

/** Runs the bundled `pressroom <args>` with a PATH that holds no git, a HOME without git config and the test's app data. */
function runBundled(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: tmp,
    env: {
      PATH: noGitPath,
      HOME: testHome(),
      XDG_CONFIG_HOME: path.join(testHome(), '.config'),
      PRESSROOM_APP_DATA: path.join(tmp, 'app-data'),
      NO_COLOR: '1',
      ...env,
    },
  });
  return outputOf(child);
}

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runBundled(['git', ...args], env);

function site(files: Record<string, string> = {}): string {
  return makeRepo({ '_config.yml': 'title: T\n', '_posts/2024-01-01-a.md': '---\ntitle: A\n---\nText\n', ...files });
}

beforeAll(async () => {
  tmp = tempDir('pressroom-git-cli-');
  noGitPath = path.join(tmp, 'bin-without-git');
  await fs.mkdir(noGitPath);
  // Bundled the way scripts/build.mjs does, so what runs is what ships.
  bundle = path.join(tmp, 'app', 'dist', 'electron', 'cli.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'cli.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'silent',
  });
  await createAppState(path.join(tmp, 'app-data'), { sampleDestination: tmp }).updateSettings({ authorName: 'Ada Lovelace', authorEmail: 'ada@example.com' });
  remote = await startGitRemote();
}, 60_000);

afterAll(async () => {
  await remote.close();
});

describe('pressroom git without git installed', () => {
  it('really has no git on the PATH it runs with', () => {
    expect(() => execFileSync('/bin/sh', ['-c', 'command -v git'], { env: { PATH: noGitPath } })).toThrow();
  });

  it('prints the status as a table and as JSON', async () => {
    const dir = site();
    await fs.writeFile(path.join(dir, '_posts/2024-01-01-a.md'), 'changed\n');
    await fs.writeFile(path.join(dir, 'new.md'), 'new\n');
    gitCli(dir, 'add', 'new.md');
    const table = await run(['status', dir]);
    expect(table).toEqual({
      code: 0,
      stdout: 'On branch main, not pushed yet\n          changed   _posts/2024-01-01-a.md\nstaged    new       new.md\n',
      stderr: '',
    });
    const json = await run(['status', dir, '--json']);
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout) as GitStatus;
    expect(status.changes.map((c) => [c.path, c.kind, c.staged])).toEqual([
      ['_posts/2024-01-01-a.md', 'changed', 'no'],
      ['new.md', 'new', 'yes'],
    ]);
  });

  it('commits exactly the named files with the settings identity and a sign-off', async () => {
    const dir = site();
    await fs.writeFile(path.join(dir, '_posts/2024-02-02-b.md'), '---\ntitle: B\n---\n');
    await fs.writeFile(path.join(dir, 'unrelated.md'), 'leave me\n');
    const r = await run(['commit', dir, '-m', 'Add B\n\nThe second post.', '--signoff', '_posts/2024-02-02-b.md']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[main [0-9a-f]{7}\] Add B\n$/);
    expect(gitCli(dir, 'log', '-1', '--format=%an <%ae>%n%B').trim()).toBe('Ada Lovelace <ada@example.com>\nAdd B\n\nThe second post.\n\nSigned-off-by: Ada Lovelace <ada@example.com>');
    expect(gitCli(dir, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('_posts/2024-02-02-b.md');
    expect(gitCli(dir, 'status', '--porcelain')).toBe('?? unrelated.md\n');
  });

  it('refuses to commit when other files are already staged, and commits nothing', async () => {
    const dir = site();
    await fs.writeFile(path.join(dir, 'mine.md'), 'mine\n');
    await fs.writeFile(path.join(dir, 'theirs.md'), 'theirs\n');
    gitCli(dir, 'add', 'theirs.md');
    const head = gitCli(dir, 'rev-parse', 'HEAD');
    const r = await run(['commit', dir, '-m', 'Mine only', 'mine.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pressroom: Other files are already staged .*theirs\.md/);
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(gitCli(dir, 'status', '--porcelain')).toBe('A  theirs.md\n?? mine.md\n');
  });

  it('creates a branch and switches to it', async () => {
    const dir = site();
    const r = await run(['branch', dir, 'post/launch']);
    expect(r).toEqual({ code: 0, stdout: 'Switched to the new branch post/launch.\n', stderr: '' });
    expect(gitCli(dir, 'branch', '--show-current').trim()).toBe('post/launch');
    expect((await run(['branch', dir, 'post/launch'])).code).toBe(1);
  });

  it('pushes to a real HTTP remote with the token from the environment, and pulls from it', async () => {
    const dir = site();
    const bare = remote.createBare('cli-push', dir);
    const url = remote.url('cli-push');
    gitCli(dir, 'remote', 'add', 'origin', url);
    await fs.writeFile(path.join(dir, 'news.md'), 'News\n');
    expect((await run(['commit', dir, '-m', 'News', 'news.md'])).code).toBe(0);

    const refused = await run(['push', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^pressroom: .*token/);

    const pushed = await run(['push', dir], { PRESSROOM_GIT_USER: REMOTE_USER, PRESSROOM_GIT_TOKEN: REMOTE_TOKEN });
    expect(pushed.stderr).toBe('');
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toMatch(/^Pushed main to origin/);
    expect(gitCli(bare, 'rev-parse', 'main')).toBe(gitCli(dir, 'rev-parse', 'HEAD'));
    expect(await fs.readFile(path.join(dir, '.git', 'config'), 'utf8')).not.toContain(REMOTE_TOKEN);

    const other = tempDir('pressroom-cli-other-');
    // Real git uses the bare folder: this process serves the HTTP remote and must not block on it.
    gitCli(other, 'clone', '--quiet', bare, '.');
    await fs.writeFile(path.join(other, 'later.md'), 'Later\n');
    gitCli(other, 'add', 'later.md');
    gitCli(other, 'commit', '--quiet', '-m', 'Later');
    gitCli(other, 'push', '--quiet', 'origin', 'main');
    const pulled = await run(['pull', dir], { PRESSROOM_GIT_USER: REMOTE_USER, PRESSROOM_GIT_TOKEN: REMOTE_TOKEN });
    expect(pulled).toEqual({ code: 0, stdout: 'Updated: 1 new commit.\n', stderr: '' });
    expect(await fs.readFile(path.join(dir, 'later.md'), 'utf8')).toBe('Later\n');
  });
});

describe('pressroom git usage', () => {
  it('shows help', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pressroom git status <site>/);
    expect((await runBundled(['help', 'git'])).stdout).toBe(help.stdout);
    expect((await runBundled(['--help'])).stdout).toMatch(/git status\|commit\|push\|pull\|branch <site>/);
  });

  it.each([[[]], [['frobnicate', '.']], [['commit', '.', 'x.md']], [['commit', '.', '-m', 'no paths']], [['status', '.', '--merge']], [['branch', '.']]])(
    'refuses the command line %j with status 2',
    async (args: string[]) => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^pressroom: .*\n\nUsage: pressroom git/s);
    },
  );

  it('fails with status 1 outside a repository or for a path outside it', async () => {
    const plain = tempDir('pressroom-cli-plain-');
    const r = await run(['status', plain]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not inside a git repository/);
    const dir = site();
    expect((await run(['commit', dir, '-m', 'x', '../elsewhere.md'])).stderr).toMatch(/not inside the repository/);
  });
});
