// The site-data cache: main is asked once however many parts of the screen want a value, a failure is asked
// again by its next user, an older answer never replaces a newer one, and values let go are freed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/contract/contract';
import type { Result } from '../../../shared/contract/errors';
import { createSiteResource, GRACE_MS, SiteData, type SiteSignal } from './site-data';

/** A resource whose loads the test answers by hand, in any order. */
function manual() {
  const pending: Array<{ key: string; answer: (r: Result<string>) => void }> = [];
  const freed: string[] = [];
  const resource = createSiteResource<string, string>({
    name: 'test',
    load: (_api, _site, key) => new Promise((answer) => pending.push({ key, answer })),
    invalidatedBy: (signal: SiteSignal, key) => signal.type === 'file.changed' && signal.path === key,
    dispose: (value) => freed.push(value),
  });
  const data = new SiteData({} as Api);
  const ok = (i: number, value: string) => pending[i].answer({ ok: true, value });
  return { resource, data, pending, freed, ok };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the site-data cache', () => {
  it('asks main once when several parts of the screen want the same value at the same time', async () => {
    const { resource, data, pending, ok } = manual();
    const a = data.acquire(resource, '/site', 'img.png');
    const b = data.acquire(resource, '/site', 'img.png');
    expect(pending).toHaveLength(1);
    ok(0, 'blob:1');
    await flush();
    expect(a.state).toEqual({ status: 'ready', value: 'blob:1' });
    expect(b.state).toEqual({ status: 'ready', value: 'blob:1' });
    expect(data.peek(resource, '/other', 'img.png')).toEqual({ status: 'loading' });
  });

  it('does not keep a failure forever: the next user after it was let go asks again', async () => {
    const { resource, data, pending } = manual();
    const first = data.acquire(resource, '/site', 'a');
    pending[0].answer({ ok: false, error: { code: 'io', message: 'disk busy' } });
    await flush();
    expect(first.state).toMatchObject({ status: 'failed', error: { message: 'disk busy' } });
    // While it is shown, a second user sees the failure without asking again.
    const second = data.acquire(resource, '/site', 'a');
    expect(pending).toHaveLength(1);
    first.release();
    second.release();
    const third = data.acquire(resource, '/site', 'a');
    expect(pending).toHaveLength(2);
    expect(third.state).toEqual({ status: 'loading' });
  });

  it('never lets an older answer replace a newer one, and frees the older one', async () => {
    const { resource, data, pending, freed, ok } = manual();
    const lease = data.acquire(resource, '/site', 'a');
    data.signal({ type: 'file.changed', site: '/site', path: 'a' });
    expect(pending).toHaveLength(2);
    ok(1, 'new');
    await flush();
    ok(0, 'old');
    await flush();
    expect(lease.state).toEqual({ status: 'ready', value: 'new' });
    expect(freed).toEqual(['old']);
  });

  it('shows the old value while a stale one loads again, and frees it a moment after the new one arrived', async () => {
    const { resource, data, pending, freed, ok } = manual();
    const changes = vi.fn();
    const lease = data.acquire(resource, '/site', 'a');
    lease.subscribe(changes);
    ok(0, 'v1');
    await flush();
    data.signal({ type: 'file.changed', site: '/site', path: 'b' });
    data.signal({ type: 'file.changed', site: '/elsewhere', path: 'a' });
    expect(pending).toHaveLength(1);
    data.signal({ type: 'file.changed', site: '/site', path: 'a' });
    expect(lease.state).toEqual({ status: 'ready', value: 'v1' });
    ok(1, 'v2');
    await flush();
    expect(lease.state).toEqual({ status: 'ready', value: 'v2' });
    expect(changes).toHaveBeenCalledTimes(2);
    expect(freed).toEqual([]);
    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(freed).toEqual(['v1']);
  });

  it('loads everything of the site again after a site-wide change (a branch switch)', async () => {
    const { resource, data, pending, ok } = manual();
    const lease = data.acquire(resource, '/site', 'a');
    ok(0, 'v1');
    await flush();
    data.signal({ type: 'file.changed', site: '/elsewhere', path: '' });
    expect(pending).toHaveLength(1);
    data.signal({ type: 'file.changed', site: '/site', path: '' });
    expect(pending).toHaveLength(2);
    ok(1, 'v2');
    await flush();
    expect(lease.state).toEqual({ status: 'ready', value: 'v2' });
  });

  it('frees a value a moment after its last user let go, unless someone takes it up again', async () => {
    const { resource, data, freed, ok, pending } = manual();
    const a = data.acquire(resource, '/site', 'a');
    ok(0, 'v');
    await flush();
    a.release();
    a.release();
    await vi.advanceTimersByTimeAsync(GRACE_MS / 2);
    const again = data.acquire(resource, '/site', 'a');
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(freed).toEqual([]);
    expect(pending).toHaveLength(1);
    again.release();
    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(freed).toEqual(['v']);
  });

  it('keeps cheap data while the site is open and lets go of everything when it closes', async () => {
    const loads = vi.fn(async (): Promise<Result<string>> => ({ ok: true, value: 'schema' }));
    const kept = createSiteResource<void, string>({ name: 'kept', load: loads, invalidatedBy: () => false, keepUnused: true });
    const { resource, data, freed, ok } = manual();
    data.acquire(kept, '/site', undefined).release();
    const image = data.acquire(resource, '/site', 'a');
    ok(0, 'blob:a');
    await flush();
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    data.acquire(kept, '/site', undefined).release();
    expect(loads).toHaveBeenCalledTimes(1);
    data.closeSite('/site');
    expect(freed).toEqual(['blob:a']);
    expect(image.state).toEqual({ status: 'loading' });
    data.acquire(kept, '/site', undefined);
    expect(loads).toHaveBeenCalledTimes(2);
  });

  it('frees an answer that arrives after its site closed', async () => {
    const { resource, data, freed, ok } = manual();
    data.acquire(resource, '/site', 'a');
    data.closeSite('/site');
    ok(0, 'late');
    await flush();
    expect(freed).toEqual(['late']);
  });
});
