/** Runs the recovery writer for one open site: typing restarts its idle wait, leaving the window keeps the text at once. */
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { EditorBridge } from '../editor-bridge';
import { flushWhenLeaving, RecoveryWriter, type RecoveryTabs } from './recovery-writer';

/** Keeps the unsaved text of `tabs` in the recovery store; returns the writer (its `discardAll` is for "close, discarding"). */
export function useRecoveryWriter(site: string, tabs: RecoveryTabs, bridge: EditorBridge): RecoveryWriter {
  const api = useApi();
  const [writer] = useState(() => new RecoveryWriter(api, site, tabs));
  useEffect(() => {
    const detach = writer.attach();
    // The bridge hears every change of the active editor synchronously; restarting a timer is all that happens.
    const unfollow = bridge.followText(() => writer.touched());
    const unlisten = flushWhenLeaving(writer, window);
    return () => {
      unlisten();
      unfollow();
      // Going away without a choice (the interface failed, the site screen was replaced): keep what is unsaved.
      void writer.flush();
      detach();
    };
  }, [writer, bridge]);
  return writer;
}
