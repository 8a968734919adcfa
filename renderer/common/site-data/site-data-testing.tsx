/**
 * For the renderer's tests only (never imported by the app): a fake connection to main whose answers a test
 * sets and whose calls it counts, a way to send main's events, and a mount helper with the app's providers.
 */
import { act, type ReactNode } from 'react';
import { afterEach, beforeEach, vi } from 'vitest';
import { createRoot } from 'react-dom/client';
import type { Api, CallName, Events } from '../../../shared/contract/contract';
import type { Result } from '../../../shared/contract/errors';
import { ApiProvider } from '../../api/api-context';
import type { Subscribe } from '../../api/transport';
import { I18nProvider } from '../../i18n/i18n-context';

type Answer = (args: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>;

/** A fake main: `answers` by call name (changeable mid-test), every call logged, events sent with `emit`. */
export interface FakeMain {
  api: Api;
  on: Subscribe;
  answers: Partial<Record<CallName, Answer>>;
  calls: Array<{ name: CallName; args: Record<string, unknown> }>;
  /** How many times `name` was called (with `path`, when given). */
  count(name: CallName, path?: string): number;
  emit<K extends keyof Events>(event: K, payload: Events[K]): void;
}

/** Builds a fake main; calls without an answer fail as main would for an unknown file. */
export function fakeMain(answers: Partial<Record<CallName, Answer>> = {}): FakeMain {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const main: FakeMain = {
    answers,
    calls: [],
    api: new Proxy({} as Api, {
      get: (_target, name: string) => async (args: Record<string, unknown>) => {
        main.calls.push({ name: name as CallName, args });
        const answer = main.answers[name as CallName];
        return answer ? answer(args) : { ok: false, error: { code: 'not-found', message: `no answer for ${name}` } };
      },
    }),
    on: ((event: string, listener: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    }) as Subscribe,
    count: (name, path) => main.calls.filter((c) => c.name === name && (path === undefined || c.args.path === path)).length,
    emit: (event, payload) => {
      for (const l of [...(listeners.get(event) ?? [])]) (l as (p: typeof payload) => void)(payload);
    },
  };
  return main;
}

/** A picture as `asset.read` answers it. */
export function pictureAnswer(bytes: string): Result<unknown> {
  return { ok: true, value: { mime: 'image/png', base64: btoa(bytes) } };
}

/** Renders `node` into a fresh element with the API (of `main`) and English texts; everything inside `act`. */
export async function mount(main: FakeMain, node: ReactNode): Promise<{ container: HTMLElement; render(node: ReactNode): Promise<void>; unmount(): Promise<void> }> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom's <dialog> cannot close itself; the app's Modal closes it when it unmounts.
  const dialog = globalThis.HTMLDialogElement?.prototype as { close?: () => void } | undefined;
  if (dialog && typeof dialog.close !== 'function') {
    dialog.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const wrap = (inner: ReactNode) => (
    <ApiProvider api={main.api} on={main.on}>
      <I18nProvider language="en">{inner}</I18nProvider>
    </ApiProvider>
  );
  await act(async () => root.render(wrap(node)));
  return {
    container,
    render: async (next) => act(async () => root.render(wrap(next))),
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Does `action` (an event from main, a signal) inside `act`, then lets answers arrive and effects run (timers are the test's business). */
export async function settle(action?: () => void): Promise<void> {
  await act(async () => {
    action?.();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  });
}

/** The blob: URLs a test saw made and revoked, in order. */
export interface BlobUrlLog {
  made: string[];
  revoked: string[];
}

/** Installs fake timers and counting `URL.createObjectURL`/`revokeObjectURL` around each test of the calling file. */
export function spyOnBlobUrls(): BlobUrlLog {
  const log: BlobUrlLog = { made: [], revoked: [] };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    log.made.length = 0;
    log.revoked.length = 0;
    URL.createObjectURL = vi.fn(() => {
      log.made.push(`blob:pic-${log.made.length + 1}`);
      return log.made[log.made.length - 1];
    });
    URL.revokeObjectURL = vi.fn((url: string) => void log.revoked.push(url));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return log;
}
