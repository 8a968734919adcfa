/** The settings dialog: interface language, theme, author. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the settings dialog, by the accessible names the renderer gives it. */
export class SettingsDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Settings' });
  }

  /** Opens the dialog from the Settings button of the current screen. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings' }).first().click();
    await expect(this.dialog).toBeVisible();
  }

  /** Closes it with Escape, as a keyboard user would. */
  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
  }
}
