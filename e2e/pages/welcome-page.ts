/** The first screen: open a site by path, reopen a recent one, or open a copy of the sample site. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the welcome screen, by the accessible names the renderer gives its controls. */
export class WelcomePage {
  readonly openFolderButton: Locator;
  readonly sampleButton: Locator;
  readonly siteFolderField: Locator;
  readonly openButton: Locator;
  readonly settingsButton: Locator;

  constructor(readonly page: Page) {
    this.openFolderButton = page.getByRole('button', { name: 'Open site folder…' });
    this.sampleButton = page.getByRole('button', { name: 'Open the sample site' });
    this.siteFolderField = page.getByRole('textbox', { name: 'Site folder' }).or(page.getByRole('combobox', { name: 'Site folder' }));
    this.openButton = page.getByRole('button', { name: 'Open', exact: true });
    this.settingsButton = page.getByRole('button', { name: 'Settings' });
  }

  /** Waits until the first screen is usable. */
  async expectVisible(): Promise<void> {
    await expect(this.sampleButton).toBeVisible();
  }

  /** Types a folder path into the path field (browser mode has no native picker) and opens it. */
  async openSiteByPath(folder: string): Promise<void> {
    if (!(await this.siteFolderField.isVisible())) await this.openFolderButton.click();
    await this.siteFolderField.fill(folder);
    await this.openButton.click();
  }

  /** The field for where the sample copy goes (shown after "Open the sample site"). */
  get sampleDestinationField(): Locator {
    return this.page.getByRole('combobox', { name: 'Folder for the copy' }).or(this.page.getByRole('textbox', { name: 'Folder for the copy' }));
  }

  /** Opens a copy of the sample site placed under `destination` (typed into the destination field). */
  async openSample(destination: string): Promise<void> {
    await this.sampleButton.click();
    await this.sampleDestinationField.fill(destination);
    await this.page.getByRole('button', { name: 'Copy and open' }).click();
  }
}
