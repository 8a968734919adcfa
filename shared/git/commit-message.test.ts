import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSignOffTrailer, buildCommitMessage, hasSignOff } from './commit-message';

// shared/ tests may not import the electron git kit, so this file runs the real git itself (private HOME, fixed identity).
let dir = '';
const env = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: dir,
  XDG_CONFIG_HOME: path.join(dir, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ana Example',
  GIT_AUTHOR_EMAIL: 'ana@example.com',
  GIT_COMMITTER_NAME: 'Ana Example',
  GIT_COMMITTER_EMAIL: 'ana@example.com',
});
const git = (input: string | null, ...args: string[]): string =>
  execFileSync('git', args, { cwd: dir, env: env(), encoding: 'utf8', input: input ?? undefined, stdio: ['pipe', 'pipe', 'pipe'] });

beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-msg-')));
  git(null, 'init', '-q', '-b', 'main');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const ana = { name: 'Ana Example', email: 'ana@example.com' };
const sob = 'Signed-off-by: Ana Example <ana@example.com>';

/** The message real `git commit -s -F -` stores for `message`. */
function gitCommitS(message: string): string {
  git(message, 'commit', '-q', '--allow-empty', '-s', '--cleanup=whitespace', '-F', '-');
  const raw = git(null, 'cat-file', 'commit', 'HEAD');
  return raw.slice(raw.indexOf('\n\n') + 2);
}

/** What `git interpret-trailers --trailer` makes of `message`. */
function gitInterpretTrailers(message: string): string {
  return git(message, 'interpret-trailers', '--no-divider', '--trailer', sob);
}

const cases: Record<string, string> = {
  'summary only': 'Publish the spring release\n',
  'summary and description': 'Publish the spring release\n\nIt goes out on Monday.\nWith two lines.\n',
  'a body paragraph that is not trailers': 'Fix typo\n\nSee: the style guide says so\nbecause it reads better.\n',
  'an existing trailer block': 'Fix typo\n\nSome words.\n\nReviewed-by: Bo <bo@example.com>\n',
  'a trailer block with a continuation line': 'Fix typo\n\nWords.\n\nCo-authored-by: Bo\n  Example <bo@example.com>\n',
  'a sign-off already last': `Fix typo\n\nWords.\n\n${sob}\n`,
  'a sign-off not last': `Fix typo\n\n${sob}\nReviewed-by: Bo <bo@example.com>\n`,
  'another person signed off': 'Fix typo\n\nSigned-off-by: Bo <bo@example.com>\n',
  'a mixed last paragraph with a sign-off (25 % rule)': 'Fix typo\n\nSigned-off-by: Bo <bo@example.com>\nthanks to\nBo\n',
  'a mixed last paragraph without git trailers': 'Fix typo\n\nAcked-by: Bo\nnot a trailer\n',
  'a summary that looks like a trailer': 'Fixes: the build\n',
  'a trailer-like body after the summary': 'Update dates\n\nRefs: #12\nPart-of: spring\n',
};

describe('addSignOffTrailer', () => {
  for (const [name, message] of Object.entries(cases)) {
    it(`adds the sign-off where git commit -s does: ${name}`, () => {
      expect(addSignOffTrailer(message, ana)).toBe(gitCommitS(message));
    });
  }

  it('agrees with git interpret-trailers on well-formed messages', () => {
    for (const name of ['summary only', 'summary and description', 'an existing trailer block', 'a sign-off already last', 'another person signed off', 'a trailer-like body after the summary']) {
      expect(addSignOffTrailer(cases[name]!, ana), name).toBe(gitInterpretTrailers(cases[name]!));
    }
  });

  it('never signs off twice in a row', () => {
    const once = addSignOffTrailer('Fix typo\n', ana);
    expect(addSignOffTrailer(once, ana)).toBe(once);
    expect(once.match(/Signed-off-by/g)).toHaveLength(1);
  });

  it('leaves a message git parses as having exactly that trailer', () => {
    const msg = addSignOffTrailer(buildCommitMessage('Spring release', 'Two posts.\n\nReviewed-by: Bo <bo@example.com>'), ana);
    expect(git(msg, 'interpret-trailers', '--parse')).toBe(`Reviewed-by: Bo <bo@example.com>\n${sob}\n`);
  });
});

describe('buildCommitMessage', () => {
  it('puts the summary on one line, a blank line, then the description, with a final newline', () => {
    expect(buildCommitMessage('  Spring   release\n draft ', '\n\nFirst line.  \n\n\n\nSecond paragraph.\n\n')).toBe(
      'Spring release draft\n\nFirst line.\n\nSecond paragraph.\n',
    );
    expect(buildCommitMessage('Spring release')).toBe('Spring release\n');
    expect(buildCommitMessage('Spring release', '   \n ')).toBe('Spring release\n');
  });

  it('is stored by git unchanged', () => {
    const msg = buildCommitMessage('Spring release', 'Line one.\r\nLine two.\n\n\nAfter a gap.');
    git(msg, 'commit', '-q', '--allow-empty', '-F', '-');
    expect(git(null, 'log', '-1', '--format=%B')).toBe(`${msg}\n`);
  });
});

describe('hasSignOff', () => {
  it('finds a sign-off, and by email without case', () => {
    expect(hasSignOff(`Fix\n\n${sob}\n`)).toBe(true);
    expect(hasSignOff(`Fix\n\n${sob}\n`, 'ANA@example.com')).toBe(true);
    expect(hasSignOff(`Fix\n\n${sob}\n`, 'bo@example.com')).toBe(false);
    expect(hasSignOff('Fix\n\nReviewed-by: Ana <ana@example.com>\n')).toBe(false);
    expect(hasSignOff('Fix\n')).toBe(false);
  });

  it('sees the sign-off git commit -s added', () => {
    expect(hasSignOff(gitCommitS('Another change\n'), 'ana@example.com')).toBe(true);
  });
});
