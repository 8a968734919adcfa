import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallArgs, type CallName, type Handlers } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/transport';
import { createEventBus } from '../backend/event-bus';
import { forwardEvents, type IpcInvokeEventLike, type IpcMainLike, isAppUrl, registerIpc, type WebContentsLike } from './ipc';

/** Valid arguments for every call; a new call in the contract fails to compile here until it has an entry. */
const VALID_ARGS: { [K in CallName]: CallArgs<K> } = {
  'app.info': {},
  'settings.get': {},
  'settings.set': { patch: { theme: 'dark' } },
  'recent.list': {},
  'recent.remove': { path: '/home/ada/site' },
  'dialog.pickFolder': { purpose: 'open-site' },
  'fs.completePath': { partial: '/home/ada/s' },
  'site.open': { path: '/home/ada/site' },
  'site.posts': { site: '/home/ada/site' },
  'site.post': { site: '/home/ada/site', path: '_i18n/en/_posts/2024-05-01-launch.md' },
  'sample.create': {},
  'document.read': { site: '/home/ada/site', path: '_posts/2024-01-01-hello.md' },
  'document.save': { site: '/home/ada/site', path: '_posts/2024-01-01-hello.md', text: 'hi', baseVersion: 'v1' },
  'document.create': { site: '/home/ada/site', path: '_posts/2024-01-02-copy.md', text: 'hi' },
  'shell.openExternal': { url: 'https://example.org/' },
  'site.frontMatterSchema': { site: '/home/ada/site' },
  'post.create': { site: '/home/ada/site', date: '2024-05-01', category: 'press', posts: [{ language: 'en', title: 'Launch', folder: '_i18n/en/_posts', fileName: '2024-05-01-launch.md' }] },
  'post.rename': { site: '/home/ada/site', moves: [{ from: '_i18n/en/_posts/2024-05-01-launch.md', to: '_i18n/en/_posts/2024-05-01-lift-off.md' }] },
  'post.addTranslation': { site: '/home/ada/site', path: '_i18n/en/_posts/2024-05-01-launch.md', language: 'de' },
  'post.translate': { site: '/home/ada/site', path: '_i18n/de/_posts/2024-05-01-launch.md' },
  'site.renderContext': { site: '/home/ada/site' },
  'asset.read': { site: '/home/ada/site', path: '_assets/images/x.png' },
  'asset.list': { site: '/home/ada/site' },
  'recovery.put': { site: '/home/ada/site', path: '_posts/2024-01-01-hello.md', text: 'hi\r\n', baseVersion: 'v1' },
  'recovery.list': { site: '/home/ada/site' },
  'recovery.discard': { site: '/home/ada/site', path: '_posts/2024-01-01-hello.md' },
  'session.get': {},
  'session.put': { site: '/home/ada/site', tabs: ['_posts/2024-01-01-hello.md'], active: '_posts/2024-01-01-hello.md' },
  'git.status': { site: '/home/ada/site' },
  'git.init': { site: '/home/ada/site' },
  'git.diff': { site: '/home/ada/site', path: '_posts/2024-01-01-hello.md' },
  'git.stage': { site: '/home/ada/site', paths: ['_posts/2024-01-01-hello.md'] },
  'git.unstage': { site: '/home/ada/site', paths: ['_posts/2024-01-01-hello.md'] },
  'git.commit': { site: '/home/ada/site', summary: 'Add the launch post', description: 'Details.', signOff: true },
  'git.branches': { site: '/home/ada/site' },
  'git.createBranch': { site: '/home/ada/site', name: 'post/launch', from: 'main' },
  'git.switchBranch': { site: '/home/ada/site', name: 'main' },
  'git.pull': { site: '/home/ada/site', merge: true },
  'git.abortMerge': { site: '/home/ada/site' },
  'git.push': { site: '/home/ada/site' },
  'git.unsignedCommits': { site: '/home/ada/site' },
  'git.addSignOff': { site: '/home/ada/site' },
  'git.clone': { url: 'https://github.com/acme/site.git', destination: '/home/ada/Documents' },
  'git.credentials': { site: '/home/ada/site' },
  'git.setCredentials': { url: 'https://github.com/acme/site.git', username: 'ada', token: 'ghp_x', remember: true },
  'git.forgetCredentials': { url: 'https://github.com/acme/site.git' },
  'figure.stage': { site: '/home/ada/site', name: 'Photo.JPG', base64: '/9j/4AAQ' },
  'figure.import': { site: '/home/ada/site', id: '0123456789abcdef0123456789abcdef', fileName: 'photo.jpg', downscale: true, keepOriginal: false },
  'figure.snippet': { site: '/home/ada/site', path: 'assets/images/photo.jpg', alt: 'The new press room', caption: 'Opening day', credit: 'Ada' },
  'figure.browse': { site: '/home/ada/site' },
  'figure.thumbnail': { site: '/home/ada/site', path: 'assets/images/photo.jpg' },
  'export.defaults': { site: '/home/ada/site', path: '_posts/2026-01-01-hello.md', format: 'pdf' },
  'export.html': { site: '/home/ada/site', path: '_posts/2026-01-01-hello.md', text: '# Hello' },
  'export.write': { site: '/home/ada/site', path: '_posts/2026-01-01-hello.md', format: 'pdf', pageSize: 'A4', destination: '/home/ada/Documents/hello.pdf' },
};

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

/** A fake ipcMain that keeps the registered listener so the test can play the renderer's part. */
function fakeIpcMain(): IpcMainLike & { listeners: Map<string, Listener> } {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
}

/** Handlers that record which call ran and answer with a marker naming it. */
function recordingHandlers(): { handlers: Handlers; calls: { name: string; args: unknown }[] } {
  const calls: { name: string; args: unknown }[] = [];
  const handlers = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (args: unknown) => {
        calls.push({ name, args });
        return { answeredBy: name };
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const TOP_APP_FRAME = { url: 'app://pressroom/index.html', parent: null };

function setup() {
  const ipc = fakeIpcMain();
  const { handlers, calls } = recordingHandlers();
  registerIpc(ipc, handlers, isAppUrl);
  const listener = ipc.listeners.get(IPC_CALL_CHANNEL);
  if (!listener) throw new Error('no call handler registered');
  const call = (event: IpcInvokeEventLike, name: unknown, args: unknown) => listener(event, name, args) as Promise<Result<unknown>>;
  return { ipc, calls, call };
}

describe('registerIpc', () => {
  it('registers exactly one channel, the call channel', () => {
    const { ipc } = setup();
    expect([...ipc.listeners.keys()]).toEqual([IPC_CALL_CHANNEL]);
  });

  it.each(CALL_NAMES)('%s reaches its handler from the app window', async (name) => {
    const { call, calls } = setup();
    const result = await call({ senderFrame: TOP_APP_FRAME }, name, VALID_ARGS[name]);
    expect(result).toEqual({ ok: true, value: { answeredBy: name } });
    expect(calls).toEqual([{ name, args: VALID_ARGS[name] }]);
  });

  const forged: [string, IpcInvokeEventLike][] = [
    ['another origin', { senderFrame: { url: 'https://evil.example/index.html', parent: null } }],
    ['another host on the app scheme', { senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a file: page', { senderFrame: { url: 'file:///home/ada/index.html', parent: null } }],
    ['a subframe of the app', { senderFrame: { url: 'app://pressroom/preview.html', parent: TOP_APP_FRAME } }],
    ['a frame without URL', { senderFrame: { url: '', parent: null } }],
    ['a destroyed frame (null)', { senderFrame: null }],
    ['no frame at all', {}],
    ['a frame whose parent is not known', { senderFrame: { url: 'app://pressroom/index.html', parent: undefined } }],
  ];
  it.each(forged)('refuses %s as unauthorized without running a handler', async (_label, event) => {
    const { call, calls } = setup();
    const result = await call(event, 'site.open', { path: '/home/ada/site' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unauthorized');
    expect(calls).toEqual([]);
  });

  it('refuses invalid arguments before the handler runs', async () => {
    const { call, calls } = setup();
    const result = await call({ senderFrame: TOP_APP_FRAME }, 'site.open', { path: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-arguments');
    const extra = await call({ senderFrame: TOP_APP_FRAME }, 'app.info', { sneaky: true });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.code).toBe('invalid-arguments');
    expect(calls).toEqual([]);
  });

  it('answers an unknown call name with unknown-call', async () => {
    const { call, calls } = setup();
    const result = await call({ senderFrame: TOP_APP_FRAME }, 'shell.runCommand', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown-call');
    expect(calls).toEqual([]);
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://pressroom/index.html')).toBe(true);
    expect(isAppUrl('app://pressroom/')).toBe(true);
    for (const url of ['app://pressroom.evil/', 'app://user@pressroom/', 'http://pressroom/', 'file:///index.html', 'about:blank', 'not a url', undefined, '']) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});

describe('forwardEvents', () => {
  function fakeContents(url: string, destroyed = false): WebContentsLike & { sent: unknown[][] } {
    const sent: unknown[][] = [];
    return { sent, send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => destroyed, getURL: () => url };
  }

  it("sends each event to every app window, but not to a foreign page or a closed window, and stops when unsubscribed", () => {
    const bus = createEventBus();
    const app1 = fakeContents('app://pressroom/index.html');
    const app2 = fakeContents('app://pressroom/index.html');
    const foreign = fakeContents('https://evil.example/');
    const closed = fakeContents('app://pressroom/index.html', true);
    const stop = forwardEvents(bus, () => [app1, app2, foreign, closed].map((webContents) => ({ webContents })));
    bus.emit('file.changed', { site: '/home/ada/site', path: '_posts/a.md', kind: 'changed' });
    const expected = [[IPC_EVENT_CHANNEL, { name: 'file.changed', payload: { site: '/home/ada/site', path: '_posts/a.md', kind: 'changed' } }]];
    expect(app1.sent).toEqual(expected);
    expect(app2.sent).toEqual(expected);
    expect(foreign.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
    stop();
    bus.emit('file.changed', { site: '/home/ada/site', path: '_posts/b.md', kind: 'changed' });
    expect(app1.sent).toHaveLength(1);
  });
});
