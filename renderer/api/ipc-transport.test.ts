// The desktop window's transport checks each event from the preload bridge against the contract before a
// screen sees it; calls pass through unchanged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/contract/transport';
import { createIpcTransport } from './ipc-transport';

/** A bridge whose events the test fires by hand. */
function fakeBridge(): Bridge & { fire(event: string, payload: unknown): void } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    invoke: async (name, args) => ({ ok: true, value: { name, args } }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    fire(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createIpcTransport', () => {
  it('forwards calls to the bridge', async () => {
    const transport = createIpcTransport(fakeBridge());
    expect(await transport.invoke('site.open', { path: '/s' })).toEqual({ ok: true, value: { name: 'site.open', args: { path: '/s' } } });
  });

  it('delivers events that fit the contract and drops the others with a console warning', () => {
    const bridge = fakeBridge();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const got: unknown[] = [];
    const off = createIpcTransport(bridge).on('progress', (p) => got.push(p.done));
    bridge.fire('progress', { id: 'a', label: 'progress.scanning', done: 4, total: null, finished: false });
    bridge.fire('progress', { id: 'a', label: 'progress.scanning', done: 'four', total: null, finished: false });
    bridge.fire('progress', null);
    expect(got).toEqual([4]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      'pressroom: dropped a progress event that does not fit the contract: payload.done must be a finite number',
      'pressroom: dropped a progress event that does not fit the contract: payload must be an object',
    ]);
    off();
    bridge.fire('progress', { id: 'a', label: 'progress.scanning', done: 5, total: 5, finished: true });
    expect(got).toEqual([4]);
  });
});
