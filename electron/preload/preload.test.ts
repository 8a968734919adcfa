import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Bridge, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/contract/transport';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** A fake ipcRenderer: records invokes and lets the test deliver messages on a channel. */
function fakeIpcRenderer() {
  const listeners = new Map<string, Set<IpcListener>>();
  const invoked: unknown[][] = [];
  return {
    invoked,
    listeners,
    async invoke(channel: string, ...args: unknown[]) {
      invoked.push([channel, ...args]);
      return { ok: true, value: 'answer' };
    },
    on(channel: string, listener: IpcListener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return this;
    },
    removeListener(channel: string, listener: IpcListener) {
      listeners.get(channel)?.delete(listener);
      return this;
    },
    deliver(channel: string, message: unknown) {
      const ipcEvent = { sender: this, senderId: 0 };
      for (const l of listeners.get(channel) ?? []) l(ipcEvent, message);
    },
    count(channel: string) {
      return listeners.get(channel)?.size ?? 0;
    },
  };
}

const fakes = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), ipc: null as unknown }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fakes.exposed.set(key, api) },
  get ipcRenderer() {
    return fakes.ipc;
  },
}));

describe('preload', () => {
  let ipc: ReturnType<typeof fakeIpcRenderer>;
  beforeEach(() => {
    ipc = fakeIpcRenderer();
    fakes.ipc = ipc;
    fakes.exposed.clear();
    vi.resetModules();
  });

  async function loadPreload() {
    await import('./preload');
    return fakes.exposed.get('pressroomBridge') as Bridge;
  }

  it('exposes only pressroomBridge, with exactly invoke and on (no ipcRenderer)', async () => {
    const bridge = await loadPreload();
    expect([...fakes.exposed.keys()]).toEqual(['pressroomBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.values(bridge)).not.toContain(ipc);
  });

  it('invoke sends the call over the call channel and resolves to main’s answer', async () => {
    const bridge = await loadPreload();
    const result = await bridge.invoke('site.open', { path: '/home/ada/site' });
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(ipc.invoked).toEqual([[IPC_CALL_CHANNEL, 'site.open', { path: '/home/ada/site' }]]);
  });

  it('on delivers only the named event’s payload (never the IPC event) and unsubscribes', async () => {
    const bridge = await loadPreload();
    const got: unknown[][] = [];
    const off = bridge.on('file.changed', (...args: unknown[]) => void got.push(args));
    ipc.deliver(IPC_EVENT_CHANNEL, { name: 'progress', payload: { id: 'p', label: 'x', done: 1, total: 2, finished: false } });
    ipc.deliver(IPC_EVENT_CHANNEL, { name: 'file.changed', payload: { site: '/s', path: 'a.md', kind: 'changed' } });
    ipc.deliver(IPC_EVENT_CHANNEL, 'garbage');
    ipc.deliver(IPC_EVENT_CHANNEL, null);
    ipc.deliver('some:other-channel', { name: 'file.changed', payload: { site: '/s', path: 'b.md', kind: 'changed' } });
    expect(got).toEqual([[{ site: '/s', path: 'a.md', kind: 'changed' }]]);
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(1);
    off();
    off();
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(0);
    ipc.deliver(IPC_EVENT_CHANNEL, { name: 'file.changed', payload: { site: '/s', path: 'c.md', kind: 'changed' } });
    expect(got).toHaveLength(1);
  });

  it('refuses a listener that is not a function', async () => {
    const bridge = await loadPreload();
    expect(() => bridge.on('progress', 'alert(1)' as unknown as () => void)).toThrow(TypeError);
    expect(ipc.count(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
