/** For the export feature's tests only: the workspace's export with its menu and dialogs, over a fake main. */
import type { ReactNode } from 'react';
import type { AppInfo, Settings } from '../../../shared/contract/models';
import { AppInfoContext } from '../../common/app-info-context';
import { EditorBridge } from '../../common/editor-bridge';
import { SettingsProvider } from '../../common/settings-context';
import { type FakeMain, mount } from '../../common/site-data/site-data-testing';
import { ExportDialogs } from './export-dialogs';
import { ExportButton } from './export-menu';
import { useExport, type ExportTarget } from './use-export';

/** The site the tests export from. */
export const SITE = '/sites/press';

/** The post open in the editor. */
export const POST: ExportTarget = { path: '_posts/2024-05-01-launch.md', title: 'Harbour opens its new quay' };

/** The app's facts in browser mode (no native folder picker) unless said otherwise. */
export const INFO: AppInfo = {
  name: 'Pressroom',
  version: '0.0.0',
  platform: 'linux',
  systemLanguage: 'en-GB',
  documentsDir: '/home/erika/Documents',
  homeDir: '/home/erika',
  capabilities: { folderPicker: false },
};

/** Settings as a fresh install has them. */
export const SETTINGS: Settings = {
  uiLanguage: 'en',
  theme: 'light',
  authorName: '',
  authorEmail: '',
  sampleDestination: '',
  signOffCommits: false,
  autosave: false,
  autosaveSeconds: 30,
  exportFolder: '',
  exportPageSize: 'A4',
};

function Harness({ bridge, target }: { bridge: EditorBridge; target: ExportTarget | null }) {
  const exporter = useExport(SITE, bridge, target);
  return (
    <>
      <ExportButton exporter={exporter} />
      <ExportDialogs exporter={exporter} />
    </>
  );
}

/** Mounts the Export menu and dialogs with the editor showing `text` (an unsaved edit) for the open post. */
export async function mountExport(main: FakeMain, opts: { text?: string; target?: ExportTarget | null; info?: Partial<AppInfo>; settings?: Partial<Settings> } = {}) {
  const bridge = new EditorBridge();
  const text = opts.text ?? '---\ntitle: Harbour opens its new quay\n---\nEdited, not saved.\n';
  bridge.connect().text({ length: text.length, toString: () => text }, true);
  const wrap = (node: ReactNode) => (
    <AppInfoContext.Provider value={{ ...INFO, ...opts.info }}>
      <SettingsProvider initial={{ ...SETTINGS, ...opts.settings }}>{node}</SettingsProvider>
    </AppInfoContext.Provider>
  );
  const target = opts.target === undefined ? POST : opts.target;
  const view = await mount(main, wrap(<Harness bridge={bridge} target={target} />));
  return { view, bridge, text, rerender: (next: ExportTarget | null) => view.render(wrap(<Harness bridge={bridge} target={next} />)) };
}

/** Types into a React-controlled field as a user would. */
export function typeInto(field: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The field a visible label names. */
export function field(label: string): HTMLInputElement {
  const l = [...document.querySelectorAll('label')].find((x) => x.textContent === label);
  return document.getElementById(l!.htmlFor) as HTMLInputElement;
}

/** The button with exactly this text (or accessible name). */
export function button(text: string): HTMLButtonElement {
  const found = [...document.querySelectorAll('button')].find((b) => b.textContent === text || b.getAttribute('aria-label') === text);
  if (!found) throw new Error(`no button ${text}`);
  return found;
}

/** What the open dialog says. */
export const dialogText = () => document.querySelector('dialog')?.textContent ?? '';
