import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compareCommits } from './commit-walk';
import { openRepo } from './git-engine';
import { gitCli, gitTestEnv, makeRepo, writeFiles } from './git-testing';

/** Commits everything in `dir` at `minute` past a fixed hour, so histories have real (distinct) times. */
function commitAt(dir: string, message: string, minute: number): string {
  const date = `2026-01-02T03:${String(minute).padStart(2, '0')}:00Z`;
  const env = gitTestEnv({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: dir, env });
  return gitCli(dir, 'rev-parse', 'HEAD').trim();
}

/** `git rev-list --left-right --count a...b`. */
function gitCounts(dir: string, a: string, b: string): [number, number] {
  const [left, right] = gitCli(dir, 'rev-list', '--left-right', '--count', `${a}...${b}`).trim().split(/\s+/).map(Number);
  return [left!, right!];
}

describe('compareCommits', () => {
  it('counts ahead and behind as git rev-list does, across merges and a long shared history', async () => {
    const dir = makeRepo({ 'a.md': '0\n' });
    let minute = 1;
    for (let i = 0; i < 20; i++) commitAt(dir, `shared ${i}`, minute++);
    gitCli(dir, 'branch', 'other');
    for (let i = 0; i < 3; i++) {
      writeFiles(dir, { 'main.md': `${i}\n` });
      commitAt(dir, `main ${i}`, minute++);
      gitCli(dir, 'switch', '-q', 'other');
      writeFiles(dir, { 'other.md': `${i}\n` });
      commitAt(dir, `other ${i}`, minute++);
      gitCli(dir, 'switch', '-q', 'main');
    }
    const mergeDate = `2026-01-02T03:${String(minute++).padStart(2, '0')}:00Z`;
    execFileSync('git', ['merge', '-q', '--no-ff', '--no-edit', 'other'], { cwd: dir, env: gitTestEnv({ GIT_AUTHOR_DATE: mergeDate, GIT_COMMITTER_DATE: mergeDate }) });
    gitCli(dir, 'switch', '-q', 'other');
    writeFiles(dir, { 'other.md': 'late\n' });
    commitAt(dir, 'other late', minute + 5);
    const repo = await openRepo(dir);
    const main = gitCli(dir, 'rev-parse', 'main').trim();
    const other = gitCli(dir, 'rev-parse', 'other').trim();

    const result = await compareCommits(repo, main, [other]);

    expect([result.tipOnly.length, result.othersOnly]).toEqual(gitCounts(dir, 'main', 'other'));
    expect(result.tipOnly).toEqual(gitCli(dir, 'rev-list', 'main', '^other').trim().split('\n'));
    expect(result.truncated).toBe(false);
    const reverse = await compareCommits(repo, other, [main]);
    expect([reverse.tipOnly.length, reverse.othersOnly]).toEqual(gitCounts(dir, 'other', 'main'));
  });

  it('gives nothing on either side for the same commit, and all of history against an unrelated one', async () => {
    const dir = makeRepo({ 'a.md': 'a\n' });
    const repo = await openRepo(dir);
    const head = gitCli(dir, 'rev-parse', 'HEAD').trim();
    expect(await compareCommits(repo, head, [head])).toEqual({ tipOnly: [], othersOnly: 0, truncated: false });
    gitCli(dir, 'switch', '-q', '--orphan', 'lonely');
    const lonely = commitAt(dir, 'lonely', 30);
    expect(await compareCommits(repo, lonely, [head])).toEqual({ tipOnly: [lonely], othersOnly: 1, truncated: false });
  });
});
