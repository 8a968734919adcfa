/** Exporting and printing the open post: the "Export" menu of the post's actions and the export dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the Export menu and dialog, by the accessible names the renderer gives them (English). */
export class ExportDialogPage {
  /** The "Export" menu button of the post's actions. */
  readonly menuButton: Locator;
  readonly pdfItem: Locator;
  readonly htmlItem: Locator;
  readonly printItem: Locator;
  /** The export dialog ("Export “<title>”"). */
  readonly dialog: Locator;
  readonly pdf: Locator;
  readonly html: Locator;
  readonly a4: Locator;
  readonly letter: Locator;
  readonly folder: Locator;
  readonly fileName: Locator;
  /** The dialog's Export button (writes the file). */
  readonly exportButton: Locator;
  readonly cancel: Locator;
  readonly replace: Locator;
  readonly keep: Locator;
  /** The question when the file exists ("“x” already exists in /folder. Replace it?"). */
  readonly existsQuestion: Locator;
  /** The refusal of a destination (inside the site, the post itself, not a file), with the reason. */
  readonly refusal: Locator;
  /** "Making the PDF…" while the PDF is made. */
  readonly progress: Locator;
  /** The dialog after writing ("Exported"), with "Saved as …" and the warnings. */
  readonly result: Locator;
  readonly warnings: Locator;
  readonly close: Locator;

  constructor(readonly page: Page) {
    this.menuButton = page.getByRole('button', { name: 'Export', exact: true }).and(page.locator('[aria-haspopup="menu"]'));
    const menu = page.getByRole('menu', { name: 'Export or print the post' });
    this.pdfItem = menu.getByRole('menuitem', { name: 'PDF…' });
    this.htmlItem = menu.getByRole('menuitem', { name: 'HTML…' });
    this.printItem = menu.getByRole('menuitem', { name: /^Print…/ });
    this.dialog = page.getByRole('dialog', { name: /^Export “/ });
    this.pdf = this.dialog.getByRole('radio', { name: /^PDF/ });
    this.html = this.dialog.getByRole('radio', { name: /^HTML/ });
    this.a4 = this.dialog.getByRole('radio', { name: 'A4' });
    this.letter = this.dialog.getByRole('radio', { name: 'Letter' });
    this.folder = this.dialog.getByRole('combobox', { name: 'Folder' });
    this.fileName = this.dialog.getByRole('textbox', { name: 'File name' });
    this.exportButton = this.dialog.getByRole('button', { name: 'Export', exact: true });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
    this.replace = this.dialog.getByRole('button', { name: 'Replace' });
    this.keep = this.dialog.getByRole('button', { name: 'Keep it' });
    this.existsQuestion = this.dialog.getByRole('alert').filter({ hasText: 'Replace it?' });
    this.refusal = this.dialog.getByRole('alert').filter({ hasText: 'Pressroom does not write the export there.' });
    this.progress = this.dialog.getByRole('status');
    this.result = page.getByRole('dialog', { name: 'Exported' });
    this.warnings = this.result.getByRole('listitem');
    this.close = this.result.getByRole('button', { name: 'Close' });
  }

  /** Opens the dialog from the Export menu, for a PDF or an HTML file, and waits for its proposed file name. */
  async open(format: 'pdf' | 'html'): Promise<void> {
    await this.menuButton.click();
    await (format === 'pdf' ? this.pdfItem : this.htmlItem).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.fileName).toHaveValue(new RegExp(`\\.${format}$`));
    await expect(this.fileName).toBeEnabled();
  }

  /** The warnings of the result ("Please check:"), one sentence each, as shown. */
  async warningTexts(): Promise<string[]> {
    return (await this.warnings.allInnerTexts()).map((w) => w.trim());
  }

  /** Writes the export into `folder` as `fileName` and waits for the result ("Saved as …"). */
  async exportTo(folder: string, fileName: string): Promise<string> {
    await this.folder.fill(folder);
    await this.fileName.fill(fileName);
    await this.exportButton.click();
    await expect(this.result).toBeVisible({ timeout: 30_000 });
    return (await this.result.getByRole('status').innerText()).trim();
  }
}

/** Replaces `window.print` with one that only counts its calls (and returns at once, as after a print): the print dialog would block the page. */
export async function stubPrint(page: Page): Promise<void> {
  const stub = (): void => {
    const w = window as unknown as { __printCalls: number };
    w.__printCalls = 0;
    window.print = () => {
      w.__printCalls += 1;
    };
  };
  await page.context().addInitScript(stub);
  await page.evaluate(stub);
}

/** How often the page asked to print since `stubPrint`. */
export function printCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls);
}
