// @vitest-environment jsdom
// What a communications person sees when a picture goes into a post: the picture with its size, a safe file name,
// the web-copy offer for a large photo, alt text required (with a hint), and the snippet in the post after Insert;
// several pictures one after another; a file that is not a picture refused in plain words; a site image inserted
// without copying anything.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StagedFigure } from '../../../shared/contract/figure-models';
import { EditorBridge } from '../../common/editor-bridge';
import { fakeMain, type FakeMain, mount, settle } from '../../common/site-data/site-data-testing';
import { FigureDialogs, InsertFigureButton } from './insert-figure-dialog';
import { useFigureImport, type FigureImport } from './use-figure-import';

const SITE = '/sites/press';

const STAGED: StagedFigure = {
  id: 'st-1',
  originalName: 'Harbour at Dawn.JPG',
  mime: 'image/jpeg',
  width: 6000,
  height: 4000,
  bytes: 8_400_000,
  fileName: 'harbour-at-dawn.jpg',
  folder: '_assets/images/blog',
  reuse: null,
  large: true,
  maxWidth: 2000,
  notes: [],
};

let figures: FigureImport | null = null;
function Harness({ bridge }: { bridge: EditorBridge }) {
  figures = useFigureImport(SITE, bridge);
  return <FigureDialogs site={SITE} figures={figures} />;
}

beforeEach(() => {
  URL.createObjectURL = () => 'blob:picture';
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  document.body.innerHTML = '';
});

/** Types into a React-controlled field as a user would. */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const field = (label: string) => {
  const l = [...document.querySelectorAll('label')].find((x) => x.textContent?.startsWith(label));
  return document.getElementById(l!.htmlFor) as HTMLInputElement;
};
const button = (text: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === text)!;
const dialogText = () => document.querySelector('dialog')?.textContent ?? '';

async function setUp(answers: Parameters<typeof fakeMain>[0] = {}) {
  const main: FakeMain = fakeMain({
    'figure.stage': () => ({ ok: true, value: STAGED }),
    'figure.import': (args) => ({ ok: true, value: { path: `_assets/images/blog/${args.fileName}`, reference: `blog/${args.fileName}`, reused: false, renamed: false, width: 2000, height: 1333, bytes: 420_000, original: null } }),
    'figure.snippet': (args) => ({ ok: true, value: { text: `<figure>{% asset ${args.path} alt="${args.alt}" %}</figure>` } }),
    ...answers,
  });
  const bridge = new EditorBridge();
  const inserted: string[] = [];
  bridge.connect({ insertAtCursor: (text) => (inserted.push(text), true) });
  const view = await mount(main, <Harness bridge={bridge} />);
  return { main, bridge, inserted, view };
}

const photo = (name = 'Harbour at Dawn.JPG') => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], name, { type: 'image/jpeg' });

describe('the insert-figure dialog', () => {
  it('shows a large photo with its size and safe name, asks for alt text, and inserts the snippet with a web copy', async () => {
    const { main, bridge, inserted } = await setUp();
    await settle(() => void bridge.offerImageFiles([photo()]));
    await settle();
    expect(main.calls.find((c) => c.name === 'figure.stage')?.args).toMatchObject({ site: SITE, name: 'Harbour at Dawn.JPG', base64: btoa('\xff\xd8\xff\xe0') });
    expect(dialogText()).toContain('6,000 × 4,000 pixels');
    expect(dialogText()).toContain('8 MB');
    expect(field('File name').value).toBe('harbour-at-dawn.jpg');
    expect(dialogText()).toContain('_assets/images/blog');
    const webCopy = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(webCopy.map((c) => [c.parentElement?.textContent, c.checked])).toEqual([
      ['Make a web copy (2,000 px wide)', true],
      ['Keep the original too', false],
    ]);
    expect(dialogText()).toContain('Describe what the picture shows for someone who cannot see it');

    // Without alt text nothing is imported.
    await act(async () => button('Insert').click());
    await settle();
    expect(main.count('figure.import')).toBe(0);
    expect(dialogText()).toContain('Please describe the picture');

    await act(async () => {
      type(field('Alt text'), 'Fishing boats leave the harbour at dawn');
      type(field('Caption'), 'The fleet sets out');
    });
    await act(async () => button('Insert').click());
    await settle();
    expect(main.calls.find((c) => c.name === 'figure.import')?.args).toEqual({ site: SITE, id: 'st-1', fileName: 'harbour-at-dawn.jpg', downscale: true, keepOriginal: false });
    expect(main.calls.find((c) => c.name === 'figure.snippet')?.args).toMatchObject({ path: '_assets/images/blog/harbour-at-dawn.jpg', alt: 'Fishing boats leave the harbour at dawn', caption: 'The fleet sets out' });
    expect(inserted).toEqual(['<figure>{% asset _assets/images/blog/harbour-at-dawn.jpg alt="Fishing boats leave the harbour at dawn" %}</figure>']);
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('checks the file name as it is typed, and says when the alt text starts with "image of"', async () => {
    const { main, bridge } = await setUp();
    await settle(() => void bridge.offerImageFiles([photo()]));
    await settle();
    await act(async () => {
      type(field('File name'), '../CON.jpg');
      type(field('Alt text'), 'Image of a harbour');
    });
    expect(dialogText()).toContain('must not contain');
    expect(dialogText()).toContain('Leave out “image of”');
    await act(async () => button('Insert').click());
    await settle();
    expect(main.count('figure.import')).toBe(0);
  });

  it('takes several dropped pictures one after another', async () => {
    const { bridge, inserted } = await setUp();
    await settle(() => void bridge.offerImageFiles([photo('one.jpg'), photo('two.jpg')]));
    await settle();
    expect(dialogText()).toContain('one.jpg');
    expect(dialogText()).toContain('1 more picture after this one');
    await act(async () => button('Skip this picture').click());
    await settle();
    expect(dialogText()).toContain('two.jpg');
    await act(async () => type(field('Alt text'), 'Two'));
    await act(async () => button('Insert').click());
    await settle();
    expect(inserted).toHaveLength(1);
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('says in plain words that a file is not a picture, and tells when the same picture is reused', async () => {
    const { main, bridge } = await setUp({ 'figure.stage': () => ({ ok: false, error: { code: 'not-supported', message: 'The content is a PDF document.' } }) });
    await settle(() => void bridge.offerImageFiles([photo('report.jpg')]));
    await settle();
    expect(dialogText()).toContain('This file is not a picture Pressroom can use');
    expect(dialogText()).toContain('The content is a PDF document.');
    await act(async () => button('Cancel').click());

    main.answers['figure.stage'] = () => ({ ok: true, value: { ...STAGED, large: false, reuse: '_assets/images/blog/harbour.jpg' } });
    await settle(() => void bridge.offerImageFiles([photo()]));
    await settle();
    expect(dialogText()).toContain('The same picture is already in the site (_assets/images/blog/harbour.jpg): it will be reused');
    expect(document.querySelector('input[type=checkbox]')).toBeNull();
  });

  it('inserts a site image without staging or copying it', async () => {
    const { main, inserted } = await setUp({ 'figure.thumbnail': () => ({ ok: true, value: { mime: 'image/jpeg', base64: btoa('jpg') } }) });
    await settle(() => figures!.pickAsset({ path: 'assets/images/team.jpg', reference: '/assets/images/team.jpg', bytes: 52_000, width: 800, height: 600, usedBy: [] }));
    await settle();
    expect(dialogText()).toContain('800 × 600 pixels');
    expect(document.querySelector('input[type=checkbox]')).toBeNull();
    await act(async () => type(field('Alt text'), 'The team on the roof'));
    await act(async () => button('Insert').click());
    await settle();
    expect(main.count('figure.stage')).toBe(0);
    expect(main.count('figure.import')).toBe(0);
    expect(main.calls.find((c) => c.name === 'figure.snippet')?.args).toMatchObject({ path: 'assets/images/team.jpg', alt: 'The team on the roof' });
    expect(inserted).toHaveLength(1);
  });

  it('opens its choice (this computer or the site) when the desktop menu says Insert › Figure…', async () => {
    const main = fakeMain();
    const figures = { setBrowsing: () => undefined, addFiles: () => undefined } as unknown as FigureImport;
    const view = await mount(main, <InsertFigureButton figures={figures} />);
    expect(view.container.querySelector('[role="menu"]')).toBeNull();
    await act(async () => main.emit('menu.command', { command: 'figure.insert' }));
    const items = [...view.container.querySelectorAll('[role="menuitem"]')].map((b) => b.textContent);
    expect(items).toEqual(['From this computer…', 'From the site’s images…']);
    await view.unmount();
  });
});
