import { describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../shared/contract/contract';
import type { Result } from '../../shared/contract/errors';
import { createApi } from './client';
import { findBridge } from './ipc-transport';
import { selectTransport } from './select-transport';
import type { Transport } from './transport';

function fakeTransport(answer: (name: CallName, args: unknown) => Promise<unknown>): Transport & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    invoke: (name, args) => {
      calls.push([name, args]);
      return answer(name, args) as Promise<Result<unknown>>;
    },
    on: () => () => undefined,
  };
}

describe('createApi', () => {
  it('has a method for every call of the contract, each forwarding name and arguments', async () => {
    const t = fakeTransport(async () => ({ ok: true, value: 42 }));
    const api = createApi(t);
    for (const name of CALL_NAMES) expect(typeof api[name]).toBe('function');
    expect(await api['site.open']({ path: '/sites/press' })).toEqual({ ok: true, value: 42 });
    expect(t.calls).toEqual([['site.open', { path: '/sites/press' }]]);
  });

  it('passes a failure through with its code, message and path', async () => {
    const api = createApi(fakeTransport(async () => ({ ok: false, error: { code: 'not-a-site', message: 'No _config.yml', path: '/tmp/x' } })));
    expect(await api['site.open']({ path: '/tmp/x' })).toEqual({ ok: false, error: { code: 'not-a-site', message: 'No _config.yml', path: '/tmp/x' } });
  });

  it('passes on whether trying again may help, so a full disk can offer "save again"', async () => {
    const error = { code: 'disk-full', message: 'Could not save p.md: the disk is full.', path: 'p.md', retryable: true };
    const api = createApi(fakeTransport(async () => ({ ok: false, error: { ...error, retryable: 'yes' } })));
    expect(await api['site.open']({ path: '/tmp/x' })).toEqual({ ok: false, error: { ...error, retryable: undefined } });
    const api2 = createApi(fakeTransport(async () => ({ ok: false, error })));
    expect(await api2['site.open']({ path: '/tmp/x' })).toEqual({ ok: false, error });
  });

  it('never rejects: a transport that throws becomes an io error the user can read', async () => {
    const api = createApi(fakeTransport(async () => { throw new Error('channel closed'); }));
    const r = await api['app.info']({});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('io');
      expect(r.error.message).toContain('channel closed');
    }
  });

  it('turns a malformed answer or an unknown error code into a readable error', async () => {
    expect((await createApi(fakeTransport(async () => 'nonsense'))['app.info']({})).ok).toBe(false);
    const r = await createApi(fakeTransport(async () => ({ ok: false, error: { code: 'weird', message: 'm' } })))['app.info']({});
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'm' } });
  });
});

describe('selectTransport', () => {
  it('uses the preload bridge when the window has one', async () => {
    const invoked: string[] = [];
    const bridge = { invoke: async (name: string) => { invoked.push(name); return { ok: true, value: 'ipc' }; }, on: () => () => undefined };
    expect(findBridge({ pressroomBridge: bridge })).toBe(bridge);
    const api = createApi(selectTransport({ pressroomBridge: bridge }));
    expect(await api['app.info']({})).toEqual({ ok: true, value: 'ipc' });
    expect(invoked).toEqual(['app.info']);
  });

  it('ignores a missing or half-made bridge', () => {
    expect(findBridge({})).toBeNull();
    expect(findBridge({ pressroomBridge: { invoke: () => undefined } })).toBeNull();
  });
});
