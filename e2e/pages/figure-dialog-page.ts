/**
 * Figures as a user brings them in: pictures dropped or pasted on the editor, the "Insert figure" menu, the dialog
 * that asks for alt text, caption and credit, and the browser of the site's images.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** A file as the page builds it: its name, type and bytes (base64, so it crosses into the page intact). */
export interface PageFile {
  name: string;
  type: string;
  base64: string;
}

/** Turns bytes into a `PageFile` for `drop` and `paste`. */
export function pageFile(name: string, type: string, bytes: Buffer): PageFile {
  return { name, type, base64: bytes.toString('base64') };
}

/** Page object for the insert-figure dialog and the asset browser, by the accessible names the renderer gives them. */
export class FigureDialogPage {
  /** The "Insert figure" button of the post's actions. */
  readonly insertButton: Locator;
  readonly fromComputer: Locator;
  readonly fromSite: Locator;
  /** The dialog of one picture ("Insert a figure"). */
  readonly dialog: Locator;
  /** The picture the dialog shows. */
  readonly picture: Locator;
  /** Name, pixels and size under the picture. */
  readonly pictureFacts: Locator;
  readonly fileName: Locator;
  readonly webCopy: Locator;
  readonly keepOriginal: Locator;
  readonly alt: Locator;
  readonly caption: Locator;
  readonly credit: Locator;
  readonly insert: Locator;
  readonly cancel: Locator;
  /** The "same picture is already in the site" line. */
  readonly reuse: Locator;
  /** The dialog's error message (what went wrong, in plain words). */
  readonly error: Locator;
  /** The browser of the site's images ("Images of the site"). */
  readonly browser: Locator;
  readonly search: Locator;
  readonly tiles: Locator;
  readonly browserInsert: Locator;

  constructor(readonly page: Page) {
    this.insertButton = page.getByRole('button', { name: 'Insert figure' });
    this.fromComputer = page.getByRole('menuitem', { name: 'From this computer…' });
    this.fromSite = page.getByRole('menuitem', { name: 'From the site’s images…' });
    this.dialog = page.getByRole('dialog', { name: 'Insert a figure' });
    this.picture = this.dialog.locator('.figure-dialog-picture img');
    this.pictureFacts = this.dialog.locator('.figure-dialog-picture figcaption');
    this.fileName = this.dialog.getByRole('textbox', { name: 'File name in the site' });
    this.webCopy = this.dialog.getByRole('checkbox', { name: /Make a web copy/ });
    this.keepOriginal = this.dialog.getByRole('checkbox', { name: 'Keep the original too' });
    this.alt = this.dialog.getByRole('textbox', { name: /^Alt text/ });
    this.caption = this.dialog.getByRole('textbox', { name: 'Caption' });
    this.credit = this.dialog.getByRole('textbox', { name: /^Credit/ });
    this.insert = this.dialog.getByRole('button', { name: 'Insert', exact: true });
    // The footer's button (the close icon in the header has the same name).
    this.cancel = this.dialog.locator('.modal-actions').getByRole('button', { name: 'Cancel', exact: true });
    this.reuse = this.dialog.locator('.figure-reuse');
    this.error = this.dialog.getByRole('alert');
    this.browser = page.getByRole('dialog', { name: 'Images of the site' });
    this.search = this.browser.getByRole('searchbox', { name: 'Search images' });
    this.tiles = this.browser.locator('.asset-tile');
    this.browserInsert = this.browser.getByRole('button', { name: 'Insert', exact: true });
  }

  /** Builds the files in the page and drops them on the editor's text at (`x`, `y`) of its box, as a file manager does. */
  async drop(files: PageFile[], at: { x: number; y: number } = { x: 20, y: 20 }): Promise<void> {
    const target = this.page.locator('.cm-content').first();
    await expect(target).toBeVisible();
    await target.evaluate(
      (el, { files, at }) => {
        const data = new DataTransfer();
        for (const f of files) {
          const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
          data.items.add(new File([bytes], f.name, { type: f.type }));
        }
        const box = el.getBoundingClientRect();
        const point = { clientX: box.left + at.x, clientY: box.top + at.y };
        for (const type of ['dragenter', 'dragover', 'drop']) {
          el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: data, ...point }));
        }
      },
      { files, at },
    );
  }

  /** Pastes the files into the editor's text, as Ctrl+V does with a picture on the clipboard. */
  async paste(files: PageFile[]): Promise<void> {
    const target = this.page.locator('.cm-content').first();
    await target.click();
    await target.evaluate((el, files) => {
      const data = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], f.name, { type: f.type }));
      }
      el.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: data }));
    }, files);
  }

  /** Waits until the dialog has checked the picture (the "Checking the picture…" line is gone). */
  async expectChecked(): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByText('Checking the picture…')).toHaveCount(0, { timeout: 60_000 });
  }

  /** Waits until the dialog's picture is decoded and returns its natural width. */
  async pictureWidth(): Promise<number> {
    await expect(this.picture).toBeVisible();
    await expect.poll(() => this.picture.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    return this.picture.evaluate((el) => (el as HTMLImageElement).naturalWidth);
  }

  /** Fills what the user writes about the picture. */
  async describe(words: { alt: string; caption?: string; credit?: string }): Promise<void> {
    await this.alt.fill(words.alt);
    if (words.caption !== undefined) await this.caption.fill(words.caption);
    if (words.credit !== undefined) await this.credit.fill(words.credit);
  }

  /** Opens the browser of the site's images from the "Insert figure" menu. */
  async openBrowser(): Promise<void> {
    await this.insertButton.click();
    await this.fromSite.click();
    await expect(this.browser).toBeVisible();
  }

  /** The browser's tile of the image whose path ends in `name`. */
  tile(name: string): Locator {
    return this.tiles.filter({ has: this.page.locator('.asset-name', { hasText: name }) });
  }
}
