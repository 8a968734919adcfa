/** The banner of a post changed or deleted on disk, its side-by-side comparison and the "Save as…" dialog. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the disk-change banner, by the accessible names the renderer gives it. */
export class DiskChangeBanner {
  /** The banner shown when the file changed while the post had unsaved changes. */
  readonly changed: Locator;
  /** The banner shown when the file was deleted or renamed away. */
  readonly removed: Locator;
  /** The side-by-side comparison (a region named "Comparison of <path>…"). */
  readonly comparison: Locator;
  /** The "Save as…" dialog. */
  readonly saveAsDialog: Locator;

  constructor(readonly page: Page) {
    const alerts = page.getByRole('main').getByRole('alert');
    this.changed = alerts.filter({ hasText: 'This post was changed on disk while you had unsaved changes' });
    this.removed = alerts.filter({ hasText: 'This post was deleted or renamed on disk' });
    this.comparison = page.getByRole('region', { name: /^Comparison of / });
    this.saveAsDialog = page.getByRole('dialog', { name: 'Save as a new file' });
  }

  /** A button of whichever banner is shown. */
  button(name: string | RegExp): Locator {
    return this.page.getByRole('main').getByRole('alert').getByRole('button', { name });
  }

  /** One side of the comparison ("On disk" or "Yours"). */
  side(name: 'On disk' | 'Yours'): Locator {
    return this.comparison.getByRole('region', { name, exact: true });
  }

  /** Saves the post as a new file under `rel` through the "Save as…" dialog. */
  async saveAs(rel: string): Promise<void> {
    await this.button('Save as…').click();
    await expect(this.saveAsDialog).toBeVisible();
    const field = this.saveAsDialog.getByRole('textbox', { name: 'Path inside the site' });
    await field.fill(rel);
    await this.saveAsDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.saveAsDialog).toHaveCount(0);
  }
}
