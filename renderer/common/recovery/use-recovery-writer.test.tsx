// @vitest-environment jsdom
// The writer as the document workspace mounts it: typing in the active editor (through the bridge) is kept after a
// pause, leaving the window keeps it at once, and an unmount keeps what was typed instead of losing it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorBridge, type DocText } from '../editor-bridge';
import { fakeMain, mount, settle } from '../site-data/site-data-testing';
import { RECOVERY_IDLE_MS, type RecoveryTabs } from './recovery-writer';
import { useRecoveryWriter } from './use-recovery-writer';

const SITE = '/sites/press';
const PATH = '_posts/2024-03-01-launch.md';

/** One unsaved tab whose text the test replaces, as typing in the editor would. */
function oneTab() {
  let doc: DocText = { length: 1, toString: () => 'a' };
  const listeners = new Set<() => void>();
  const tabs: RecoveryTabs = {
    getSnapshot: () => ({ tabs: [{ path: PATH, dirty: true, status: 'ready' }] }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    editorState: () => ({ doc }),
    baseVersion: () => 'v1',
  };
  return { tabs, type: (text: string) => (doc = { length: text.length, toString: () => text }), current: () => doc };
}

function Writer({ tabs, bridge }: { tabs: RecoveryTabs; bridge: EditorBridge }) {
  useRecoveryWriter(SITE, tabs, bridge);
  return null;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useRecoveryWriter', () => {
  it('keeps what is typed after a pause, at once on blur, and on unmount', async () => {
    const main = fakeMain({ 'recovery.put': () => ({ ok: true, value: { savedAt: 'now' } }) });
    const { tabs, type, current } = oneTab();
    const bridge = new EditorBridge();
    const feed = bridge.connect();
    const view = await mount(main, <Writer tabs={tabs} bridge={bridge} />);
    const kept = () => main.calls.filter((c) => c.name === 'recovery.put').map((c) => c.args.text);

    for (const text of ['ab', 'abc', 'abcd']) {
      type(text);
      feed.text(current());
      await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS / 2);
    }
    expect(kept()).toEqual([]);
    await vi.advanceTimersByTimeAsync(RECOVERY_IDLE_MS);
    expect(kept()).toEqual(['abcd']);

    type('abcde');
    feed.text(current());
    await settle(() => window.dispatchEvent(new Event('blur')));
    expect(kept()).toEqual(['abcd', 'abcde']);

    type('abcdef');
    feed.text(current());
    await view.unmount();
    await settle();
    expect(kept()).toEqual(['abcd', 'abcde', 'abcdef']);
    expect(main.calls.every((c) => c.args.site === SITE && (c.name !== 'recovery.put' || c.args.baseVersion === 'v1'))).toBe(true);
  });
});
