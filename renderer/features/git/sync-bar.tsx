/** Get latest and Send: the two ways a site's work meets the server. */
import type { GitBarProps } from './git-types';

/** Props of the sync bar: the panel's props plus the slug of the post being edited. */
export type SyncBarProps = GitBarProps & { activeSlug?: string };

/** The pull and push buttons (filled in step by step). */
export function SyncBar(_props: SyncBarProps) {
  return <div className="git-sync-bar" />;
}
