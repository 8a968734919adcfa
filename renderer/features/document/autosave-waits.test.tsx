// @vitest-environment jsdom
// With autosave on, a changed tab that autosave leaves alone says why beside Save, in the interface language:
// its front matter cannot be read, the file changed on disk, or the last save failed. Nothing is said otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contract/models';
import { SettingsProvider } from '../../common/settings-context';
import { fakeMain, mount } from '../../common/site-data/site-data-testing';
import { I18nProvider } from '../../i18n/i18n-context';
import type { Language } from '../../i18n/translate';
import { AutosaveWaits } from './autosave-waits';
import type { TabInfo } from './document-tabs';

const SETTINGS: Settings = {
  uiLanguage: 'en',
  theme: 'light',
  authorName: '',
  authorEmail: '',
  sampleDestination: '',
  signOffCommits: false,
  autosave: true,
  autosaveSeconds: 30,
  exportFolder: '',
  exportPageSize: 'A4',
};
const READABLE = '---\ntitle: Hello\n---\nText\n';
const BROKEN = '---\ntitle: "Hello\ntags: [a\n---\nText\n';
const TAB = { path: 'a.md', status: 'ready', mode: 'edit', dirty: true, saving: false, conflict: false, saveError: null } as unknown as TabInfo;

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

async function note(text: string, tab: Partial<TabInfo> = {}, opts: { autosave?: boolean; language?: Language } = {}): Promise<string> {
  const view = await mount(
    fakeMain(),
    <SettingsProvider initial={{ ...SETTINGS, autosave: opts.autosave ?? true }}>
      <I18nProvider language={opts.language ?? 'en'}>
        <AutosaveWaits tab={{ ...TAB, ...tab }} text={text} />
      </I18nProvider>
    </SettingsProvider>,
  );
  mounted.push(view);
  const status = view.container.querySelector('[role="status"]');
  expect(status, 'the note is a live region, so a screen reader hears it appear').not.toBeNull();
  return status!.textContent ?? '';
}

describe('AutosaveWaits', () => {
  it('says autosave waits because the front matter cannot be read, in English and German', async () => {
    expect(await note(BROKEN)).toBe('Autosave waits: the front matter cannot be read');
    expect(await note(BROKEN, {}, { language: 'de' })).toBe('Automatisches Speichern wartet: Das Front Matter ist nicht lesbar');
  });

  it('says why when the file changed on disk or the last save failed', async () => {
    expect(await note(READABLE, { conflict: true })).toBe('Autosave waits: the file was changed on disk');
    expect(await note(READABLE, { saveError: { code: 'io', message: 'Disk full' } as TabInfo['saveError'] })).toBe('Autosave waits: the last save failed');
  });

  it('says nothing when autosave is off, the text is saved, or nothing stops autosave', async () => {
    expect(await note(BROKEN, {}, { autosave: false })).toBe('');
    expect(await note(BROKEN, { dirty: false })).toBe('');
    expect(await note(READABLE)).toBe('');
  });
});
