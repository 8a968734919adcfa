/** The document side of the site screen: the tabs of open posts, the active one's panel, and the unsaved-work questions. */
import { type ReactNode, useCallback, useId, useState } from 'react';
import type { PostEntry } from '../../../shared/contract/models';
import type { PostPair } from '../../../shared/site/post-pairs';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { DocumentPanel } from './document-panel';
import { TabBar } from '../../features/document/tab-bar';
import { UnsavedDialog } from '../../features/document/unsaved-dialog';
import type { Workspace } from '../../features/document/use-document-workspace';
import { FigureDialogs } from '../../features/figures/insert-figure-dialog';
import { useFigureImport } from '../../features/figures/use-figure-import';
import { ExportDialogs } from '../../features/export/export-dialogs';
import { useExport } from '../../features/export/use-export';
import '../../features/document/document.css';
import '../../features/document/editor/editor.css';

/** Renders the workspace made by `useDocumentWorkspace`; `pairs` are the site's releases with their translations; `children` (recovered-text offers) go above the tabs. */
export function DocumentWorkspace({ workspace, pairs, onPostsChanged, children }: { workspace: Workspace; pairs: readonly PostPair[]; onPostsChanged(): void; children?: ReactNode }) {
  const panelId = useId();
  const { tabs, active } = workspace.snapshot;
  const tab = tabs.find((t) => t.path === active) ?? null;
  const [formOpen, setFormOpen] = useState(false);
  const onToggleForm = useCallback(() => setFormOpen((o) => !o), []);
  // Which tab each tab shows beside it (both ways, so switching to the translation keeps the two side by side).
  const [besides, setBesides] = useState<Readonly<Record<string, string>>>({});
  const besidePath = active ? besides[active] : undefined;
  const beside = (besidePath && besidePath !== active && tabs.find((t) => t.path === besidePath)) || null;
  const onShowBeside = useCallback(
    (post: PostEntry | null) => {
      const from = workspace.store.getSnapshot().active;
      if (!from) return;
      if (post) workspace.store.open(post, { activate: false });
      setBesides((now) => {
        const next = { ...now };
        const before = next[from];
        if (before && next[before] === from) delete next[before];
        if (post) {
          next[from] = post.path;
          next[post.path] = from;
        } else delete next[from];
        return next;
      });
    },
    [workspace.store],
  );
  // Figures dropped, pasted or chosen go into the active post through the editor bridge.
  const figures = useFigureImport(workspace.site.root, workspace.bridge);
  // Export and printing take the active post's text from the editor bridge (unsaved edits included).
  const exporter = useExport(workspace.site.root, workspace.bridge, tab ? { path: tab.path, title: tab.post.title } : null);
  return (
    <div className="workspace">
      {children}
      {tabs.length > 0 ? (
        <TabBar
          tabs={tabs}
          active={active}
          panelId={panelId}
          onActivate={(path) => workspace.store.activate(path)}
          onClose={(path) => workspace.requestCloseTab(path)}
        />
      ) : null}
      {tab ? <DocumentPanel key={`${tab.path}#${tab.generation}`} workspace={workspace} tab={tab} panelId={panelId} form={{ open: formOpen, onToggle: onToggleForm }} figures={figures} exporter={exporter} pairs={pairs} onPostsChanged={onPostsChanged} beside={beside} onShowBeside={onShowBeside} /> : <DocumentPlaceholder />}
      <FigureDialogs site={workspace.site.root} figures={figures} />
      <ExportDialogs exporter={exporter} />
      {workspace.pending ? <UnsavedDialog workspace={workspace} pending={workspace.pending} /> : null}
    </div>
  );
}

/** The pane before any post is open. */
export function DocumentPlaceholder() {
  const { t } = useI18n();
  return (
    <div className="document-empty">
      <Icon name="file" className="empty-icon" />
      <p>{t('document.empty')}</p>
    </div>
  );
}
