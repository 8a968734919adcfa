// The contract's table: argument and payload types come from the schemas alone (checked by the compiler here),
// every call refuses what its schema does not declare, and the event list cannot drift from the event table.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AreaHandlers,
  CALL_NAMES,
  type CallArgs,
  checkArgs,
  checkEvent,
  EVENT_NAMES,
  type Events,
  events,
  type Handler,
  type Handlers,
} from './contract';
import type { SiteSummary } from './models';

describe('types written once', () => {
  it('infers each call’s arguments from its schema', () => {
    expectTypeOf<CallArgs<'document.save'>>().toEqualTypeOf<{ site: string; path: string; text: string; baseVersion: string }>();
    expectTypeOf<CallArgs<'site.posts'>>().toEqualTypeOf<{ site: string; refresh?: boolean | null | undefined }>();
    expectTypeOf<CallArgs<'dialog.pickFolder'>['purpose']>().toEqualTypeOf<'open-site' | 'sample-destination' | 'clone-destination' | 'export-destination'>();
    expectTypeOf<CallArgs<'post.create'>['posts'][number]>().toEqualTypeOf<{ language?: string | null | undefined; title: string; folder: string; fileName: string }>();
  });

  it('refuses to compile a handler whose arguments do not fit the schema', () => {
    const summary = {} as SiteSummary;
    const right: Handler<'site.open'> = async ({ path }) => ({ ...summary, root: path });
    // @ts-expect-error the path is a string in the schema, so a handler that wants a number does not fit
    const wrongType: Handler<'site.open'> = async (args: { path: number }) => ({ ...summary, root: String(args.path) });
    // @ts-expect-error `site.open` has no `recursive` argument, so a handler that needs one does not fit
    const extraArg: Handler<'site.open'> = async (args: { path: string; recursive: boolean }) => ({ ...summary, root: String(args.recursive) });
    // @ts-expect-error a handler that answers with the wrong result does not fit either
    const wrongResult: Handler<'site.open'> = async () => 'opened';
    expect([right, wrongType, extraArg, wrongResult]).toHaveLength(4);
  });

  it('makes an area file implement exactly the calls of its area', () => {
    const recent: AreaHandlers<'recent'> = { 'recent.list': async () => [], 'recent.remove': async () => [] };
    // @ts-expect-error `recent.remove` is missing
    const missing: AreaHandlers<'recent'> = { 'recent.list': async () => [] };
    const foreign: AreaHandlers<'recent'> = {
      'recent.list': async () => [],
      'recent.remove': async () => [],
      // @ts-expect-error `app.info` belongs to the app area's file
      'app.info': async () => ({}),
    };
    expectTypeOf<keyof AreaHandlers<'site'>>().toEqualTypeOf<'site.open' | 'site.post' | 'site.posts' | 'site.frontMatterSchema' | 'site.renderContext'>();
    expectTypeOf<keyof Handlers>().toEqualTypeOf<(typeof CALL_NAMES)[number]>();
    expect([recent, missing, foreign]).toHaveLength(3);
  });

  it('infers event payloads from the event table', () => {
    expectTypeOf<Events['progress']>().toEqualTypeOf<{ id: string; label: string; done: number; total: number | null; finished: boolean }>();
    expectTypeOf<Events['file.changed']>().toEqualTypeOf<{ site: string; path: string; kind: 'changed' | 'added' | 'removed' }>();
  });
});

describe('calls', () => {
  it.each(CALL_NAMES)('%s takes a plain object and refuses keys it does not declare', (name) => {
    const extra = checkArgs(name, { unexpected: 1 });
    expect(extra.ok === false && extra.problems).toContain('args.unexpected is not expected');
    expect(checkArgs(name, [])).toEqual({ ok: false, problems: ['args must be an object'] });
  });

  it('bounds what a caller may send in the places a service would trust it', () => {
    const problemsOf = (name: Parameters<typeof checkArgs>[0], args: unknown) => {
      const checked = checkArgs(name, args);
      return checked.ok ? [] : checked.problems;
    };
    expect(problemsOf('site.open', { path: '' })).toEqual(['args.path must not be empty']);
    expect(problemsOf('shell.openExternal', { url: 'x'.repeat(8193) })).toEqual(['args.url is longer than 8192 characters']);
    expect(problemsOf('settings.set', { patch: { autosaveSeconds: 3601 } })).toEqual(['args.patch.autosaveSeconds must be at most 3600']);
    const post = { site: '/s', date: '2024-05-01', category: '' };
    const file = { language: 'en', title: 'T', folder: '_posts', fileName: '2024-05-01-t.md' };
    expect(problemsOf('post.create', { ...post, posts: new Array(51).fill(file) })).toEqual(['args.posts has more than 50 entries']);
    expect(problemsOf('post.create', { ...post, posts: [file] })).toEqual([]);
  });
});

describe('events', () => {
  it('lists every event of the table, and only those', () => {
    expect(EVENT_NAMES).toEqual(Object.keys(events));
    expect([...EVENT_NAMES].sort()).toEqual(['file.changed', 'git.changed', 'menu.command', 'progress']);
  });

  it('checks payloads like call arguments', () => {
    const progress = { id: 'scan-1', label: 'progress.scanning', done: 3, total: null, finished: false };
    expect(checkEvent('progress', progress)).toEqual({ ok: true, value: progress });
    expect(checkEvent('progress', { ...progress, done: '3' })).toEqual({ ok: false, problems: ['payload.done must be a finite number'] });
    expect(checkEvent('file.changed', { site: '/s', path: 'a.md', kind: 'changed', mtime: 1 })).toEqual({ ok: false, problems: ['payload.mtime is not expected'] });
    expect(checkEvent('file.changed', { site: '/s', path: '', kind: 'changed' })).toEqual({ ok: true, value: { site: '/s', path: '', kind: 'changed' } });
    expect(checkEvent('file.changed', { site: '/s', path: 'a.md', kind: 'moved' }).ok).toBe(false);
  });
});
