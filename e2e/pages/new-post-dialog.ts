/** The "New press release" dialog: opened from the site toolbar, filled in like a user does. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the dialog, by the accessible names the renderer gives its controls (English interface). */
export class NewPostDialog {
  readonly openButton: Locator;
  readonly dialog: Locator;
  /** The first title field ("Title", or "Title (English)" when several languages are chosen). */
  readonly title: Locator;
  readonly date: Locator;
  readonly category: Locator;
  readonly slug: Locator;
  readonly createButton: Locator;
  readonly error: Locator;
  /** The list of files the dialog will create. */
  readonly paths: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'New press release' });
    this.dialog = page.getByRole('dialog', { name: 'New press release' });
    this.title = this.dialog.getByRole('textbox', { name: /^Title/ }).first();
    this.date = this.dialog.getByRole('textbox', { name: 'Date', exact: true });
    this.category = this.dialog.getByRole('combobox', { name: 'Category' });
    this.slug = this.dialog.getByRole('textbox', { name: 'File name' });
    this.createButton = this.dialog.getByRole('button', { name: 'Create' });
    this.error = this.dialog.getByRole('alert');
    this.paths = this.dialog.getByRole('listitem');
  }

  /** Opens the dialog from the toolbar. */
  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.title).toBeFocused();
  }

  /** A language checkbox by its name in the interface language ("English", "German"). */
  language(name: string): Locator {
    return this.dialog.getByRole('checkbox', { name });
  }

  /** The title field of one language, by its name in the interface language ("Title (German)"). */
  titleFor(language: string): Locator {
    return this.dialog.getByRole('textbox', { name: `Title (${language})`, exact: true });
  }

  /** The folder field of one language ("Folder (German)"), or the only one ("Folder"). */
  folderFor(language?: string): Locator {
    return this.dialog.getByRole('combobox', { name: language ? `Folder (${language})` : 'Folder', exact: true });
  }

  /** Types a date (ISO, or as the interface language writes it) and leaves the field, which reads it. */
  async setDate(date: string): Promise<void> {
    await this.date.fill(date);
    await this.date.blur();
  }

  /** Fills in the form (languages by name; those not named are unticked). */
  async fill(opts: { title: string; date?: string; category?: string; languages?: string[] }): Promise<void> {
    if (opts.languages) {
      for (const box of await this.dialog.getByRole('checkbox').all()) {
        const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
        await box.setChecked(opts.languages.includes(name));
      }
    }
    await this.title.fill(opts.title);
    if (opts.date) await this.setDate(opts.date);
    if (opts.category !== undefined) await this.category.fill(opts.category);
  }
}
