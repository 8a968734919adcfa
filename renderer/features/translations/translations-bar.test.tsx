// @vitest-environment jsdom
// The translations row of an open release, as a user meets it: what each other language offers (side by side, the
// same text as English with Translate…, Add), a question before a link is replaced, and failures in plain words.
import { afterEach, describe, expect, it } from 'vitest';
import type { PostEntry } from '../../../shared/contract/models';
import type { PostPair } from '../../../shared/site/post-pairs';
import { type FakeMain, fakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { TranslationsBar } from './translations-bar';

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
});

const entry = (language: string, more: Partial<PostEntry> = {}): PostEntry =>
  ({ path: `_i18n/${language}/_posts/announcements/2024-06-04-partners.md`, title: `Partners ${language}`, language, symlinkTarget: null, symlinkLanguage: null, ...more }) as PostEntry;
const EN = entry('en');
const DE = entry('de');
const DE_LINK = entry('de', { symlinkTarget: EN.path, symlinkLanguage: 'en' });

async function show(main: FakeMain, post: PostEntry, pair: PostPair) {
  const heard: string[] = [];
  const view = await mount(
    main,
    <TranslationsBar
      site="/site"
      post={post}
      pair={pair}
      beside={null}
      onShowBeside={(p) => heard.push(`beside ${p?.path ?? 'preview'}`)}
      onReplaced={(path) => heard.push(`replaced ${path}`)}
      onPostsChanged={() => heard.push('listed')}
    />,
  );
  mounted.push(view);
  const buttons = () => [...view.container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent);
  const click = (name: string) => settle(() => [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!.click());
  return { view, heard, buttons, click };
}

describe('TranslationsBar', () => {
  it('offers a present translation side by side, as a toggle', async () => {
    const main = fakeMain();
    const { view, buttons, click, heard } = await show(main, EN, { key: 'k', members: [EN, DE], missing: [] });
    expect(buttons()).toEqual(['German side by side']);
    expect(view.container.querySelector('button')!.getAttribute('aria-pressed')).toBe('false');
    await click('German side by side');
    expect(heard).toEqual([`beside ${DE.path}`]);
  });

  it('says a symlinked translation shows the same text, and asks before making it a copy', async () => {
    const main = fakeMain({ 'post.translate': () => ({ ok: true, value: { path: DE.path, version: 'v2' } }), 'site.post': () => ({ ok: true, value: DE }) });
    const { view, buttons, click, heard } = await show(main, EN, { key: 'k', members: [EN, DE_LINK], missing: [] });
    expect(view.container.textContent).toContain('German: same text as English');
    expect(buttons()).toEqual(['Translate German separately…']);
    await click('Translate German separately…');
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('The German page will no longer follow the English text');
    await click('Cancel');
    expect(main.count('post.translate')).toBe(0);
    await click('Translate German separately…');
    await click('Make a copy to translate');
    expect(main.calls.find((c) => c.name === 'post.translate')?.args).toEqual({ site: '/site', path: DE.path });
    expect(heard).toEqual([`replaced ${DE.path}`, 'listed', `beside ${DE.path}`]);
  });

  it('offers Translate… for the open post itself when it is the link', async () => {
    const main = fakeMain({ 'post.translate': () => ({ ok: true, value: { path: DE.path, version: 'v2' } }) });
    const { buttons, click, heard } = await show(main, DE_LINK, { key: 'k', members: [EN, DE_LINK], missing: [] });
    expect(buttons()).toEqual(['Translate German separately…', 'English side by side']);
    await click('Translate German separately…');
    await click('Make a copy to translate');
    expect(heard).toEqual([`replaced ${DE.path}`, 'listed']);
  });

  it('adds a missing translation and shows it beside the post', async () => {
    const main = fakeMain({ 'post.addTranslation': () => ({ ok: true, value: { path: DE.path } }), 'site.post': () => ({ ok: true, value: DE }) });
    const { click, heard } = await show(main, EN, { key: 'k', members: [EN], missing: ['de'] });
    await click('Add German translation');
    expect(main.calls.find((c) => c.name === 'post.addTranslation')?.args).toEqual({ site: '/site', path: EN.path, language: 'de' });
    expect(heard).toEqual(['listed', `beside ${DE.path}`]);
  });

  it('says in plain words when a translation cannot be added', async () => {
    const main = fakeMain({ 'post.addTranslation': () => ({ ok: false, error: { code: 'exists', message: 'already there', path: DE.path } }) });
    const { view, click, heard } = await show(main, EN, { key: 'k', members: [EN], missing: ['de'] });
    await click('Add German translation');
    const alert = view.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('The German translation could not be added.');
    expect(alert.textContent).toContain(DE.path);
    expect(heard).toEqual([]);
  });

  it('shows nothing for a post without other languages', async () => {
    const { view } = await show(fakeMain(), EN, { key: 'k', members: [EN], missing: [] });
    expect(view.container.textContent).toBe('');
  });
});
