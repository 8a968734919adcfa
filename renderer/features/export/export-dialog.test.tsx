// @vitest-environment jsdom
// What a communications person sees when exporting the open post: the Export menu, a dialog prefilled with the last
// folder and the post's file name, the editor's text (unsaved edits included) written as PDF or HTML, the question
// before a file is replaced, a refused place in plain words, the result with pages, size and what to check.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/contract/errors';
import type { ExportResult } from '../../../shared/contract/export-models';
import { fakeMain, settle } from '../../common/site-data/site-data-testing';
import { button, dialogText, field, mountExport, POST, SITE, typeInto } from './export-testing';

const mounted: Array<{ unmount(): Promise<void> }> = [];
afterEach(async () => {
  for (const m of mounted.splice(0)) await m.unmount();
  document.body.innerHTML = '';
});

/** A fake main that remembers the last folder and page size after a write, as main does. */
function exportingMain(answer?: (args: Record<string, unknown>) => ExportResult | AppError) {
  const memory = { folder: '/home/erika/Documents', pageSize: 'A4' };
  const main = fakeMain({
    'export.defaults': (args) => ({ ok: true, value: { folder: memory.folder, fileName: `2024-05-01-launch.${args.format as string}`, pageSize: memory.pageSize } }),
    'export.write': (args) => {
      const value = answer?.(args) ?? { path: args.destination as string, bytes: 421_888, pages: args.format === 'pdf' ? 3 : null, warnings: [] };
      if ('code' in value) return { ok: false, error: value };
      memory.folder = (args.destination as string).replace(/\/[^/]*$/, '');
      memory.pageSize = args.pageSize as string;
      return { ok: true, value };
    },
  });
  return { main, memory };
}

async function openFromMenu(item: 'PDF…' | 'HTML…') {
  await act(async () => button('Export').click());
  const items = [...document.querySelectorAll('[role="menuitem"]')] as HTMLButtonElement[];
  await act(async () => items.find((b) => b.textContent?.startsWith(item))!.click());
  await settle();
}

/** The dialog's Export button (the toolbar's menu button has the same name, outside the dialog). */
const submit = () => document.querySelector<HTMLButtonElement>('dialog button[type=submit]')!;

const radio = (label: string) => [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.closest('label')?.textContent?.startsWith(label))!;

describe('the export dialog', () => {
  it('is a menu of PDF…, HTML… and Print… beside the post’s other actions, disabled with a reason when no post is open', async () => {
    const { main } = exportingMain();
    const { view, rerender } = await mountExport(main);
    mounted.push(view);
    const menuButton = button('Export');
    expect(menuButton.getAttribute('aria-haspopup')).toBe('menu');
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    await act(async () => menuButton.click());
    expect(menuButton.getAttribute('aria-expanded')).toBe('true');
    const menu = document.querySelector('[role="menu"]')!;
    expect(menuButton.getAttribute('aria-controls')).toBe(menu.id);
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent)).toEqual(['PDF…', 'HTML…', 'Print…Ctrl+P']);
    expect(document.activeElement?.textContent).toBe('PDF…');
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })));
    expect(document.activeElement?.textContent).toBe('Print…Ctrl+P');
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(menuButton);

    await rerender(null);
    expect(button('Export').getAttribute('aria-disabled')).toBe('true');
    expect(button('Export').title).toBe('Open a post to export or print it.');
    await act(async () => button('Export').click());
    expect(document.querySelector('[role="menu"]')).toBeNull();
  });

  it('proposes the last folder and the post’s file name, and writes the editor’s text (unsaved edits included) as a PDF', async () => {
    const { main } = exportingMain();
    const { view, text } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('PDF…');
    expect(main.calls.find((c) => c.name === 'export.defaults')?.args).toEqual({ site: SITE, path: POST.path, format: 'pdf' });
    expect(dialogText()).toContain('Export “Harbour opens its new quay”');
    expect(radio('PDF').checked).toBe(true);
    expect(document.activeElement).toBe(radio('PDF'));
    expect(radio('A4').checked).toBe(true);
    expect(field('Folder').value).toBe('/home/erika/Documents');
    expect(field('File name').value).toBe('2024-05-01-launch.pdf');

    await act(async () => radio('Letter').click());
    await act(async () => typeInto(field('File name'), 'quay-opening'));
    await act(async () => submit().click());
    await settle();
    expect(main.calls.find((c) => c.name === 'export.write')?.args).toEqual({
      site: SITE,
      path: POST.path,
      text,
      format: 'pdf',
      pageSize: 'Letter',
      destination: '/home/erika/Documents/quay-opening.pdf',
      replace: undefined,
    });
    expect(dialogText()).toContain('Saved as quay-opening.pdf, 3 pages, 412\u00a0KB in /home/erika/Documents');
  });

  it('keeps the right extension when the format changes and hides the page size for HTML', async () => {
    const { main } = exportingMain();
    const { view } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('PDF…');
    await act(async () => radio('HTML').click());
    expect(field('File name').value).toBe('2024-05-01-launch.html');
    expect(radio('A4')).toBeUndefined();
    await act(async () => typeInto(field('File name'), 'press/kit'));
    await act(async () => submit().click());
    await settle();
    expect(dialogText()).toContain('A file name cannot contain “/” or “\\”');
    expect(main.count('export.write')).toBe(0);
    await act(async () => typeInto(field('File name'), 'press-kit'));
    await act(async () => submit().click());
    await settle();
    expect(main.calls.find((c) => c.name === 'export.write')?.args.destination).toBe('/home/erika/Documents/press-kit.html');
    expect(dialogText()).toContain('Saved as press-kit.html, 412\u00a0KB in /home/erika/Documents');
  });

  it('asks before replacing a file that exists, and writes again only when told to', async () => {
    const { main } = exportingMain((args) => (args.replace ? { path: args.destination as string, bytes: 2048, pages: 1, warnings: [] } : { code: 'exists', message: 'The file exists.' }));
    const { view } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('PDF…');
    await act(async () => submit().click());
    await settle();
    expect(dialogText()).toContain('“2024-05-01-launch.pdf” already exists in /home/erika/Documents.');
    expect(dialogText()).toContain('Replace it?');
    expect(document.activeElement?.textContent).toBe('Replace');
    // Keep it: back to the fields, nothing written.
    await act(async () => button('Keep it').click());
    expect(dialogText()).not.toContain('Replace it?');
    expect(main.count('export.write')).toBe(1);
    await act(async () => submit().click());
    await settle();
    await act(async () => button('Replace').click());
    await settle();
    expect(main.calls.filter((c) => c.name === 'export.write').map((c) => c.args.replace)).toEqual([undefined, undefined, true]);
    expect(dialogText()).toContain('Saved as 2024-05-01-launch.pdf, 1 page, 2\u00a0KB in /home/erika/Documents');
  });

  it('says why it does not write inside the site, and shows the missing PDF engine in plain words', async () => {
    let error: AppError = { code: 'refused', message: 'The export would go inside the site /sites/press; choose a folder outside it.' };
    const { main } = exportingMain(() => error);
    const { view } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('PDF…');
    await act(async () => typeInto(field('Folder'), '/sites/press/_site'));
    await act(async () => submit().click());
    await settle();
    expect(dialogText()).toContain('Pressroom does not write the export there.');
    expect(dialogText()).toContain('The export would go inside the site /sites/press; choose a folder outside it.');
    expect(document.querySelector('dialog')).not.toBeNull();

    error = { code: 'no-pdf-engine', message: 'No Chromium, Chrome or Edge was found.' };
    await act(async () => submit().click());
    await settle();
    expect(dialogText()).toContain('Pressroom needs Chromium, Chrome or Edge on this computer to make PDFs.');
    expect(dialogText()).not.toContain('Pressroom does not write the export there.');
  });

  it('shows progress while the PDF is made and cannot be closed until it is written', async () => {
    let finish: (r: unknown) => void = () => undefined;
    const { main } = exportingMain();
    main.answers['export.write'] = () => new Promise((resolve) => (finish = resolve)) as never;
    const { view } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('PDF…');
    await act(async () => submit().click());
    await settle();
    expect(document.querySelector('.export-progress')?.getAttribute('role')).toBe('status');
    expect(document.querySelector('.export-progress')?.textContent).toBe('Making the PDF…');
    expect(button('Cancel').disabled).toBe(true);
    await act(async () => document.querySelector('dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.querySelector('dialog')).not.toBeNull();
    await settle(() => finish({ ok: true, value: { path: '/home/erika/Documents/2024-05-01-launch.pdf', bytes: 1_572_864, pages: 12, warnings: [] } }));
    expect(dialogText()).toContain('Saved as 2024-05-01-launch.pdf, 12 pages, 1.5\u00a0MB in /home/erika/Documents');
    await act(async () => document.querySelector('dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('lists what the export left out or changed, in the interface language', async () => {
    const { main } = exportingMain((args) => ({
      path: args.destination as string,
      bytes: 99_000,
      pages: null,
      warnings: [
        { code: 'remote-image', detail: 'https://cdn.example.com/boat.jpg' },
        { code: 'relative-link', detail: '/about/' },
      ],
    }));
    const { view } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('HTML…');
    await act(async () => submit().click());
    await settle();
    const items = [...document.querySelectorAll('.export-warnings li')].map((li) => li.textContent);
    expect(items).toEqual([
      'A web image was left out (exports never load anything from the internet): https://cdn.example.com/boat.jpg',
      'A link stays relative because the site’s _config.yml has no url: /about/',
    ]);
  });

  it('proposes the folder of the last export the next time it opens', async () => {
    const { main } = exportingMain();
    const { view } = await mountExport(main);
    mounted.push(view);
    await openFromMenu('PDF…');
    await act(async () => typeInto(field('Folder'), '/home/erika/Press kits/'));
    await act(async () => submit().click());
    await settle();
    expect(main.calls.find((c) => c.name === 'export.write')?.args.destination).toBe('/home/erika/Press kits/2024-05-01-launch.pdf');
    await act(async () => button('Close').click());
    expect(document.querySelector('dialog')).toBeNull();
    await openFromMenu('HTML…');
    expect(field('Folder').value).toBe('/home/erika/Press kits');
    expect(field('File name').value).toBe('2024-05-01-launch.html');
  });

  it('keeps the settings’ folder and the post’s name when main proposes nothing, and opens from the desktop menu', async () => {
    const main = fakeMain({ 'export.defaults': () => ({ ok: false, error: { code: 'not-supported', message: 'Export is not built yet.' } }) });
    const { view } = await mountExport(main, { settings: { exportFolder: '/srv/exports', exportPageSize: 'Letter' } });
    mounted.push(view);
    await settle(() => main.emit('menu.command', { command: 'export.pdf' }));
    expect(field('Folder').value).toBe('/srv/exports');
    expect(field('File name').value).toBe('2024-05-01-launch.pdf');
    expect(radio('Letter').checked).toBe(true);
    expect(dialogText()).not.toContain('not built');
    await settle(() => main.emit('menu.command', { command: 'export.html' }));
    expect(radio('PDF').checked).toBe(true);
    expect(main.count('export.defaults')).toBe(1);
  });

  it('chooses the folder with the desktop app’s folder picker where there is one', async () => {
    const { main } = exportingMain();
    main.answers['dialog.pickFolder'] = () => ({ ok: true, value: '/home/erika/Desktop' });
    const { view } = await mountExport(main, { info: { capabilities: { folderPicker: true } } });
    mounted.push(view);
    await openFromMenu('PDF…');
    await act(async () => button('Choose…').click());
    await settle();
    expect(main.calls.find((c) => c.name === 'dialog.pickFolder')?.args).toEqual({ purpose: 'export-destination', defaultPath: '/home/erika/Documents' });
    expect(field('Folder').value).toBe('/home/erika/Desktop');
  });
});
