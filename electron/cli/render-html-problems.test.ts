// `pressroom render` on posts whose HTML Jekyll cannot follow, as a user runs it (a real process): a quote
// whose <cite> is never closed, and 5,000 nested <div>s. Both print the whole HTML and name the line on stderr.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './run-cli';

let tmp: string;

function run(args: string[]): Promise<CliRun> {
  return runCli(args, { appDataDir: path.join(tmp, 'app-data') });
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-render-html-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('pressroom render with HTML that swallows the rest', () => {
  it('prints the post as Jekyll renders it and names the unclosed <cite> and its line', async () => {
    const file = path.join(tmp, 'quote.md');
    await fs.writeFile(file, '---\ntitle: Quote\n---\nIntro.\n\n<blockquote><p>\n"Quote."\n</p><cite>Jane Doe, CEO\n</blockquote>\n\n## After\n');
    const r = await run(['render', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('&lt;/blockquote&gt;');
    expect(r.stderr).toBe(`${file}:8: <cite> opened on line 8 is never closed; everything after it is inside it\n`);
  });

  it('renders 5,000 nested <div>s (it used to exit 1 with nothing printed) and says Jekyll stops on them', async () => {
    const file = path.join(tmp, 'deep.md');
    await fs.writeFile(file, `---\ntitle: Deep\n---\nIntro.\n\n${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}\n\nAfter.\n`);
    const r = await run(['render', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<p>After.</p>');
    expect(r.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6: <div> on line 6 is nested more than 1,000 elements deep; Jekyll stops`));
  });
});
