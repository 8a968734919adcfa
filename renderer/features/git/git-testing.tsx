/** For the git panel's tests only: a status as `git.status` answers it, settings, and typing as a user does. */
import type { ReactNode } from 'react';
import type { GitChange, GitStatus } from '../../../shared/contract/git-models';
import type { Settings, SiteSummary } from '../../../shared/contract/models';
import { ProgressProvider } from '../../common/progress/progress-context';
import { SettingsProvider } from '../../common/settings-context';

/** The site the tests open. */
export const SITE: SiteSummary = { root: '/sites/press', name: 'Press', languages: ['en'], defaultLanguage: 'en', assetSources: ['assets'], collections: [], postCount: 3, warnings: [] };

/** Settings as a fresh install has them, with a name and e-mail for commits. */
export const SETTINGS: Settings = {
  uiLanguage: 'en',
  theme: 'light',
  authorName: 'Erika Muster',
  authorEmail: 'erika@example.org',
  sampleDestination: '',
  signOffCommits: true,
  autosave: false,
  autosaveSeconds: 30,
  exportFolder: '',
  exportPageSize: 'A4',
};

/** One changed file; unstaged, not renamed, not conflicted unless said. */
export function change(path: string, kind: GitChange['kind'], extra: Partial<GitChange> = {}): GitChange {
  return { path, oldPath: null, kind, staged: 'no', conflicted: false, ...extra };
}

/** A status on `main` with `changes`. */
export function statusWith(changes: GitChange[], extra: Partial<GitStatus> = {}): GitStatus {
  return { repoRoot: SITE.root, sitePrefix: '', branch: 'main', detachedAt: null, upstream: null, ahead: 0, behind: 0, hasCommits: true, operation: null, changes, remote: null, ...extra };
}

/** Wraps a node in the settings the commit box reads and the progress the bars report to. */
export function withSettings(node: ReactNode, settings: Settings = SETTINGS): ReactNode {
  return (
    <SettingsProvider initial={settings}>
      <ProgressProvider>{node}</ProgressProvider>
    </SettingsProvider>
  );
}

/** Types into a React-controlled input or text area as a user would. */
export function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The button whose visible text or accessible name is `name`. */
export function button(root: HTMLElement, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

/** The checkbox whose accessible name is `name`. */
export function checkbox(root: HTMLElement, name: string): HTMLInputElement {
  const found = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((b) => b.getAttribute('aria-label') === name || b.closest('label')?.textContent?.trim() === name);
  if (!found) throw new Error(`no checkbox "${name}"`);
  return found;
}
