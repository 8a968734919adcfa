// @vitest-environment jsdom
// What a screen reader announces for the form's buttons: each says what it does and to which field, in English
// and German, and contains the words shown on it (so a speech user can say what they see).
import { describe, expect, it } from 'vitest';
import type { AssetImage } from '../../../shared/contract/models';
import { fakeMain, mount, pictureAnswer, settle } from '../../common/site-data/site-data-testing';
import { useSiteDataScope } from '../../common/site-data/use-site-resource';
import { I18nProvider } from '../../i18n/i18n-context';
import type { Language } from '../../i18n/translate';
import { SelectWidget } from './field-widgets';
import { ImageWidget } from './image-widget';
import { ListWidget } from './list-widget';

const SITE = '/sites/press';

function main() {
  return fakeMain({
    'asset.read': () => pictureAnswer('png'),
    'asset.list': () => ({ ok: true, value: { images: [] as AssetImage[], truncated: false } }),
  });
}

function Form({ language }: { language: Language }) {
  useSiteDataScope(SITE);
  const avatars = language === 'de' ? 'Avatare' : 'Avatars';
  const tags = language === 'de' ? 'Schlagwörter' : 'Tags';
  const header = language === 'de' ? 'Titelbild' : 'Header image';
  const category = language === 'de' ? 'Kategorie' : 'Category';
  return (
    <I18nProvider language={language}>
      <ImageWidget id="avatar" site={SITE} sources={[]} label={avatars} value={['people/ada.png']} known={[]} multiple onCommit={() => {}} />
      <ImageWidget id="image" site={SITE} sources={[]} label={header} value="blog/x.png" known={[]} multiple={false} onCommit={() => {}} />
      <ListWidget id="tags" label={tags} items={['cloud', 'launch']} variant="chips" onChange={() => {}} />
      <SelectWidget id="category" label={category} value="release" options={['release']} onCommit={() => {}} />
    </I18nProvider>
  );
}

/** Every button as [accessible name, visible text]. */
function buttons(root: HTMLElement): Array<[string, string]> {
  return [...root.querySelectorAll('button')].map((b) => [b.getAttribute('aria-label') ?? b.textContent ?? '', b.textContent ?? '']);
}

async function namesIn(language: Language): Promise<Array<[string, string]>> {
  const view = await mount(main(), <Form language={language} />);
  await settle();
  // "Other…" opens the new-value field with its own Add button.
  const select = view.container.querySelector('select')!;
  await settle(() => {
    select.value = '\u0000other';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const found = buttons(view.container);
  await view.unmount();
  return found;
}

describe('the form’s button names', () => {
  it('say in English what each button does and to which field', async () => {
    const names = (await namesIn('en')).map(([name]) => name);
    expect(names).toContain('Add image to Avatars…');
    expect(names).toContain('Remove people/ada.png from Avatars');
    expect(names).toContain('Move people/ada.png up');
    expect(names).toContain('Choose Header image…');
    expect(names).toContain('Remove the image from Header image');
    expect(names).toContain('Add an entry to Tags');
    expect(names).toContain('Remove cloud from Tags');
    expect(names).toContain('Add the new value to Category');
    expect(names).not.toContain('Add');
  });

  it('say it in German too', async () => {
    const names = (await namesIn('de')).map(([name]) => name);
    expect(names).toContain('Bild hinzufügen zu Avatare…');
    expect(names).toContain('people/ada.png aus Avatare entfernen');
    expect(names).toContain('Bild aus Titelbild entfernen');
    expect(names).toContain('Eintrag zu Schlagwörter hinzufügen');
    expect(names).toContain('cloud aus Schlagwörter entfernen');
    expect(names).toContain('Neuen Wert zu Kategorie hinzufügen');
  });

  it('contain the words shown on the button', async () => {
    for (const language of ['en', 'de'] as const) {
      for (const [name, visible] of await namesIn(language)) {
        const words = visible.replace(/[…↑↓×]/g, '').trim().toLowerCase();
        if (words) expect(name.toLowerCase(), `${language}: ${visible}`).toContain(words);
      }
    }
  });
});
