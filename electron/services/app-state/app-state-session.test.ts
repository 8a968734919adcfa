// The session kept in the app state: which site and tabs were open, so the next start reopens them.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppState, MAX_SESSION_TABS } from './app-state';

let tmp: string;
let dir: string;
const previousAppData = process.env.PRESSROOM_APP_DATA;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pressroom-session-'));
  dir = path.join(tmp, 'app-data');
  process.env.PRESSROOM_APP_DATA = dir;
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
afterAll(() => {
  if (previousAppData === undefined) delete process.env.PRESSROOM_APP_DATA;
  else process.env.PRESSROOM_APP_DATA = previousAppData;
});

const state = () => createAppState(dir, { sampleDestination: '/docs' });

describe('session', () => {
  it('is null before anything was open, and survives a restart once recorded', async () => {
    expect(await state().getSession()).toBeNull();
    await state().putSession({ site: '/sites/press', tabs: ['_posts/a.md', '_posts/b.md'], active: '_posts/b.md' });
    const again = await state().getSession();
    expect(again).toEqual({ site: '/sites/press', tabs: ['_posts/a.md', '_posts/b.md'], active: '_posts/b.md', savedAt: expect.any(String) });
  });

  it('is forgotten when the site is closed, and the app data folder is the one it was given', async () => {
    const s = state();
    expect(s.dir).toBe(dir);
    await s.putSession({ site: '/sites/press', tabs: [], active: null });
    await s.putSession(null);
    expect(await state().getSession()).toBeNull();
  });

  it('keeps tabs unique and bounded, and an active tab only when it is one of them', async () => {
    const many = Array.from({ length: MAX_SESSION_TABS + 5 }, (_, i) => `_posts/${i}.md`);
    await state().putSession({ site: '/s', tabs: ['_posts/0.md', ...many], active: '_posts/elsewhere.md' });
    const got = await state().getSession();
    expect(got?.tabs).toEqual(many.slice(0, MAX_SESSION_TABS));
    expect(got?.active).toBeNull();
  });

  it('reads a hand-edited or broken session file as far as it is valid, setting broken JSON aside', async () => {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'session.json'), JSON.stringify({ site: '/s', tabs: ['a.md', 7, '', 'a.md', 'b.md'], active: 'b.md' }));
    expect(await state().getSession()).toEqual({ site: '/s', tabs: ['a.md', 'b.md'], active: 'b.md', savedAt: '' });
    await fs.writeFile(path.join(dir, 'session.json'), '{"site":');
    expect(await state().getSession()).toBeNull();
    expect((await fs.readdir(dir)).some((n) => n.startsWith('session.json.corrupt-'))).toBe(true);
  });
});
