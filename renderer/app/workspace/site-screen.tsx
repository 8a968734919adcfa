/** The screen of an open site: a toolbar with its name and path, the post list on the left, the open posts in tabs on the right. */
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { ErrorAlert } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { DocumentWorkspace } from './document-workspace';
import { usePosts } from './use-posts';
import { pairPosts } from '../../../shared/site/post-pairs';
import { useDocumentWorkspace } from '../../features/document/use-document-workspace';
import { newPostEntry } from '../../features/new-post/new-post-paths';
import { NewPostDialog } from '../../features/new-post/new-post-dialog';
import { RecoveryOffers } from '../../features/document/recovery-offers';
import { useSession } from '../../features/document/use-session';
import { PostList } from '../../features/posts/post-list';
import { DiffView } from '../../features/git/diff-view';
import { changedFileCount, GitPanel } from '../../features/git/git-panel';
import { type GitStatusValue, useGitStatus } from '../../features/git/use-git-status';
import { useProgress } from '../../common/progress/progress-context';
import { useSiteDataScope } from '../../common/site-data/use-site-resource';
import './site.css';

/** Props: the summary `site.open` returned, and the two ways out of the screen. */
export interface SiteScreenProps {
  site: SiteSummary;
  onClose(): void;
  onOpenSettings(): void;
}

type SidebarTab = 'posts' | 'changes';

/** The sidebar's two tabs, Posts and Changes (with the number of changed files); arrow keys move between them. */
function SidebarTabs({ id, tab, onTab, git }: { id: string; tab: SidebarTab; onTab(tab: SidebarTab): void; git: GitStatusValue }) {
  const { t, tn } = useI18n();
  const count = changedFileCount(git);
  const order: SidebarTab[] = ['posts', 'changes'];
  const onKeyDown = (e: KeyboardEvent) => {
    const at = order.indexOf(tab);
    const next = e.key === 'ArrowRight' ? order[(at + 1) % 2] : e.key === 'ArrowLeft' ? order[(at + 1) % 2] : e.key === 'Home' ? 'posts' : e.key === 'End' ? 'changes' : null;
    if (!next) return;
    e.preventDefault();
    onTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
  const tabProps = (name: SidebarTab) => ({
    type: 'button' as const,
    role: 'tab',
    id: `${id}-tab-${name}`,
    'aria-selected': tab === name,
    'aria-controls': `${id}-panel-${name}`,
    tabIndex: tab === name ? 0 : -1,
    className: 'sidebar-tab',
    onClick: () => onTab(name),
  });
  return (
    <div role="tablist" aria-label={t('gitChanges.sidebarTabs')} className="sidebar-tabs" onKeyDown={onKeyDown}>
      <button {...tabProps('posts')}>{t('gitChanges.tabPosts')}</button>
      <button {...tabProps('changes')} aria-label={count ? tn('gitChanges.tabChangesCount', count) : undefined}>
        {t('gitChanges.tabChanges')}
        {count ? (
          <span className="sidebar-tab-badge" aria-hidden="true">
            {count}
          </span>
        ) : null}
      </button>
    </div>
  );
}

/** The whole site screen. */
export function SiteScreen({ site, onClose, onOpenSettings }: SiteScreenProps) {
  const { t, tn } = useI18n();
  const { busy } = useProgress();
  const { posts, error, setError, reload } = usePosts(site.root);
  // A release and its translations, as the list shows them and the document header offers them.
  const pairs = useMemo(() => (posts ? pairPosts(posts, site.languages) : []), [posts, site.languages]);
  const workspace = useDocumentWorkspace(site);
  // Open tabs show their post's list entry: the title as saved in the header and tab, a renamed file's new name.
  useEffect(() => {
    if (posts) workspace.store.followPosts(posts);
  }, [posts, workspace.store]);
  useSiteDataScope(site.root);
  const [showWarnings, setShowWarnings] = useState(false);
  const [creating, setCreating] = useState(false);
  const git = useGitStatus(site.root);
  const tabsId = useId();
  const [sideTab, setSideTab] = useState<SidebarTab>('posts');
  // A changed file chosen in the Changes tab shows its diff in place of the editor, which stays mounted (hidden) and untouched.
  const [diffPath, setDiffPath] = useState<string | null>(null);
  const diffChange = diffPath ? (git.status?.changes.find((c) => c.path === diffPath) ?? null) : null;
  // A file that is no longer changed (committed, or its change undone) leaves the diff, and does not bring it back later.
  useEffect(() => {
    if (diffPath && git.state.kind !== 'loading' && !diffChange) setDiffPath(null);
  }, [diffPath, diffChange, git.state.kind]);
  // The post behind a changed file (its path is relative to the repository, the list's to the site), to open it from the diff.
  const diffPost =
    diffChange && diffChange.kind !== 'deleted' && git.status && diffChange.path.startsWith(git.status.sitePrefix)
      ? (posts?.find((p) => p.path === diffChange.path.slice(git.status!.sitePrefix.length)) ?? null)
      : null;
  const closeDiff = () => {
    const path = diffPath;
    setDiffPath(null);
    // Back where the user came from: the file's entry in the Changes tab.
    if (path) [...document.querySelectorAll<HTMLElement>('[data-change-path]')].find((e) => e.dataset.changePath === path)?.focus();
  };
  const openPost = (post: PostEntry) => {
    setDiffPath(null);
    workspace.open(post);
  };
  const activeSlug = workspace.store.tab(workspace.snapshot.active ?? '')?.post.slug;
  // The tabs open when Pressroom last ran come back, and recovered text names its post (a file the list lacks gets a plain entry).
  const listed = useCallback((path: string) => posts?.find((e) => e.path === path) ?? null, [posts]);
  const session = useSession(site.root, workspace.store, posts ? listed : null);
  const postFor = useCallback(
    (path: string) => listed(path) ?? workspace.store.tab(path)?.post ?? newPostEntry(path, path.slice(path.lastIndexOf('/') + 1), '', null),
    [listed, workspace.store],
  );

  // A new post: list the posts again and open each created file in a tab (the dialog told the site data, so the new categories come too).
  const onCreated = async (paths: string[], title: string, date: string) => {
    setCreating(false);
    const fresh = await reload();
    for (const p of paths) {
      const lang = /^_i18n\/([^/]+)\//.exec(p)?.[1] ?? null;
      workspace.open(fresh?.find((e) => e.path === p) ?? newPostEntry(p, title, date, lang));
    }
  };

  return (
    <div className="site-screen">
      <header className="toolbar">
        <div className="toolbar-site">
          <Icon name="site" className="toolbar-icon" />
          <div className="toolbar-titles">
            <h1 className="site-name">{site.name}</h1>
            <p className="site-path" title={site.root}>
              {site.root}
            </p>
          </div>
        </div>
        <div className="toolbar-actions">
          <button type="button" className="button primary" onClick={() => setCreating(true)} disabled={!posts}>
            {t('newPost.button')}
          </button>
          <button type="button" className="icon-button" onClick={() => void reload()} disabled={busy} aria-label={t('posts.reload')} title={t('posts.reload')}>
            <Icon name="reload" />
          </button>
          <button type="button" className="button ghost" onClick={onOpenSettings}>
            <Icon name="gear" />
            {t('site.settings')}
          </button>
          <button type="button" className="button" onClick={() =>
              workspace.requestCloseSite(() => {
                session.forget();
                onClose();
              })
            }>
            {t('site.close')}
          </button>
        </div>
      </header>
      {site.warnings.length > 0 ? (
        <div className="warning-bar">
          <Icon name="alert" />
          <span>{tn('site.warnings', site.warnings.length)}</span>
          <button type="button" className="link-button" aria-expanded={showWarnings} onClick={() => setShowWarnings((s) => !s)}>
            {showWarnings ? t('site.hideWarnings') : t('site.showWarnings')}
          </button>
          {showWarnings ? (
            <ul className="warning-list">
              {site.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ErrorAlert error={error} onDismiss={() => setError(null)} className="site-alert" />
      <div className={`site-body ${workspace.snapshot.tabs.length > 0 ? 'site-body-editing' : ''}`}>
        <aside className="sidebar">
          <SidebarTabs id={tabsId} tab={sideTab} onTab={setSideTab} git={git} />
          <div role="tabpanel" id={`${tabsId}-panel-posts`} aria-labelledby={`${tabsId}-tab-posts`} className="sidebar-panel" hidden={sideTab !== 'posts'}>
            {posts ? (
              <PostList pairs={pairs} siteLanguages={site.languages} defaultLanguage={site.defaultLanguage} selectedPath={workspace.snapshot.active} onOpen={openPost} />
            ) : (
              <div className="sidebar-loading">
                <span className="spinner" aria-hidden="true" />
              </div>
            )}
          </div>
          <div role="tabpanel" id={`${tabsId}-panel-changes`} aria-labelledby={`${tabsId}-tab-changes`} className="sidebar-panel" hidden={sideTab !== 'changes'}>
            <GitPanel site={site} git={git} selectedPath={diffChange ? diffPath : null} onSelect={setDiffPath} activeSlug={activeSlug} />
          </div>
        </aside>
        <main className="document-pane">
          {diffChange && git.status ? (
            <DiffView site={site.root} change={diffChange} sitePrefix={git.status.sitePrefix} refreshKey={git.status} onClose={closeDiff} onEdit={diffPost ? () => openPost(diffPost) : undefined} />
          ) : null}
          <div className="document-slot" hidden={!!diffChange}>
            <DocumentWorkspace workspace={workspace} pairs={pairs} onPostsChanged={reload}>{posts ? <RecoveryOffers workspace={workspace} postFor={postFor} /> : null}</DocumentWorkspace>
          </div>
        </main>
      </div>
      {creating && posts ? <NewPostDialog site={site} posts={posts} onCreated={onCreated} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
