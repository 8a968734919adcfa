// What a caller sees at the call edge when its arguments do not fit the contract: `invalid-arguments` naming the
// value, and the handler never runs. Both transports (IPC and browser mode) call through this edge.
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type Handlers } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';
import { invokeCall } from './invoke';

/** Handlers that only record what reached them. */
function recording(): { handlers: Handlers; ran: { name: string; args: unknown }[] } {
  const ran: { name: string; args: unknown }[] = [];
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, async (args: unknown) => (ran.push({ name, args }), 'done')])) as unknown as Handlers;
  return { handlers, ran };
}

/** Calls one name through the edge and returns the Result and what the handlers saw. */
async function invoke(name: string, args: unknown): Promise<{ result: Result<unknown>; ran: { name: string; args: unknown }[] }> {
  const { handlers, ran } = recording();
  const result = await invokeCall(handlers, name, args, () => undefined);
  return { result, ran };
}

/** Expects a refusal with this message, before any handler ran. */
async function expectRefused(name: string, args: unknown, problem: string): Promise<void> {
  const { result, ran } = await invoke(name, args);
  expect(result).toEqual({ ok: false, error: { code: 'invalid-arguments', message: `Invalid arguments for ${name}: ${problem}` } });
  expect(ran).toEqual([]);
}

const SITE = '/home/ada/site';
const SAVE = { site: SITE, path: '_posts/2024-01-01-hello.md', text: 'Hello', baseVersion: 'v1' };
const POST_FILE = { language: 'en', title: 'Launch', folder: '_i18n/en/_posts', fileName: '2024-05-01-launch.md' };
const POST = { site: SITE, date: '2024-05-01', category: 'press', posts: [POST_FILE] };

describe('invokeCall refuses arguments the contract does not declare', () => {
  it('runs the handler once with the arguments when they fit', async () => {
    const { result, ran } = await invoke('document.save', SAVE);
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(ran).toEqual([{ name: 'document.save', args: SAVE }]);
  });

  it('refuses an unknown call', async () => {
    const { result, ran } = await invoke('document.delete', SAVE);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(ran).toEqual([]);
  });

  it('refuses arguments that are not an object', async () => {
    await expectRefused('app.info', null, 'args must be an object');
    await expectRefused('site.open', ['/home/ada/site'], 'args must be an object');
  });

  it('refuses a document.save with an extra key', async () => {
    await expectRefused('document.save', { ...SAVE, force: true }, 'args.force is not expected');
  });

  it('refuses a __proto__ key as JSON.parse makes it, without polluting anything', async () => {
    const body = JSON.parse('{"site":"/home/ada/site","path":"a.md","text":"x","baseVersion":"v","__proto__":{"isAdmin":true}}') as unknown;
    await expectRefused('document.save', body, 'args.__proto__ is not expected');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('names a missing argument', async () => {
    await expectRefused('document.read', { site: SITE }, 'args.path is missing');
  });

  it('refuses a site.open path with a NUL character', async () => {
    await expectRefused('site.open', { path: '/home/ada/site\u0000.md' }, 'args.path contains a NUL character');
  });

  it('refuses an empty or overlong path', async () => {
    await expectRefused('site.open', { path: '' }, 'args.path must not be empty');
    await expectRefused('recent.remove', { path: `/${'a'.repeat(4096)}` }, 'args.path is longer than 4096 characters');
  });

  it('refuses document text that is not a string', async () => {
    await expectRefused('document.save', { ...SAVE, text: { length: 1 } }, 'args.text must be a string');
  });

  it('refuses a settings.set value outside its enum', async () => {
    await expectRefused('settings.set', { patch: { theme: 'sepia' } }, 'args.patch.theme must be one of system, light, dark');
  });

  it('refuses an unknown setting inside the patch', async () => {
    await expectRefused('settings.set', { patch: { gitToken: 'secret' } }, 'args.patch.gitToken is not expected');
  });

  it('refuses numbers that are not whole, out of range or infinite', async () => {
    await expectRefused('settings.set', { patch: { autosaveSeconds: 1.5 } }, 'args.patch.autosaveSeconds must be an integer');
    await expectRefused('settings.set', { patch: { autosaveSeconds: -1 } }, 'args.patch.autosaveSeconds must be at least 0');
    await expectRefused('settings.set', { patch: { autosaveSeconds: Infinity } }, 'args.patch.autosaveSeconds must be a finite number');
  });

  it('accepts null or an absent optional value, and refuses one of the wrong type', async () => {
    expect((await invoke('dialog.pickFolder', { purpose: 'open-site', defaultPath: null })).ran).toHaveLength(1);
    expect((await invoke('site.posts', { site: SITE })).ran).toHaveLength(1);
    await expectRefused('dialog.pickFolder', { purpose: 'open-site', defaultPath: 5 }, 'args.defaultPath must be a string');
    await expectRefused('site.posts', { site: SITE, refresh: 'yes' }, 'args.refresh must be true or false');
  });

  it('refuses a post.create date of the wrong form and too many files', async () => {
    await expectRefused('post.create', { ...POST, date: '1 May 2024' }, 'args.date has the wrong form');
    await expectRefused('post.create', { ...POST, posts: new Array(51).fill(POST_FILE) }, 'args.posts has more than 50 entries');
    await expectRefused('post.create', { ...POST, posts: [POST_FILE, { ...POST_FILE, language: '' }] }, 'args.posts[1].language must not be empty');
  });
});
