import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { branchNameProblem, isValidBranchName, suggestBranchName } from './branch-name';

/** What the real git says of a branch name. */
function gitAccepts(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const NAMES = [
  'main', 'feat/launch-2024', 'fix/a.b', 'release-1.0', 'a/b/c', 'ümlaut', 'v1@2',
  '', '-x', 'has space', 'a..b', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[b', 'a\\b', 'x.lock', 'feat/x.lock', 'a/.hidden',
  '.start', 'end.', 'end/', '/start', 'a//b', 'a@{1}', '@', 'tab\there', 'HEAD',
];

describe('branchNameProblem', () => {
  it.each(NAMES)('agrees with git check-ref-format --branch on %j', (name) => {
    // `git check-ref-format --branch HEAD` passes, but `git branch HEAD` refuses it; we refuse it too.
    const expected = name === 'HEAD' ? false : gitAccepts(name);
    expect(isValidBranchName(name)).toBe(expected);
  });

  it('says what is wrong in words', () => {
    expect(branchNameProblem('my branch')).toMatch(/spaces/);
    expect(branchNameProblem('a..b')).toMatch(/"\.\."/);
    expect(branchNameProblem('x.lock')).toMatch(/\.lock/);
    expect(branchNameProblem('ok/name')).toBeNull();
  });
});

describe('suggestBranchName', () => {
  it.each([
    ['launch-of-the-year', 'feat/launch-of-the-year'],
    ['Große Ankündigung: 2024!', 'feat/grosse-ankundigung-2024'],
    ['..weird..name.lock', 'feat/weird.name'],
    ['', 'feat/post'],
    ['~~~', 'feat/post'],
  ])('turns %j into %j', (slug, expected) => {
    expect(suggestBranchName(slug)).toBe(expected);
  });

  it('always gives a name git accepts', () => {
    for (const slug of ['a b c', 'x.lock.lock', '-lead', 'trail.', 'a@{b}', 'x'.repeat(300), 'é/è', '.']) {
      const name = suggestBranchName(slug);
      expect(gitAccepts(name), name).toBe(true);
      expect(isValidBranchName(name), name).toBe(true);
    }
  });
});
