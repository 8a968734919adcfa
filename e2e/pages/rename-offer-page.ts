/** The offer under an open post's header to rename its file after a new title was saved (posts not committed yet). */
import type { Locator, Page } from '@playwright/test';

/** Page object for the offer, by the accessible names the renderer gives it (English, or German with `de`). */
export class RenameOfferPage {
  /** The offer, a region named by its question. */
  readonly offer: Locator;
  /** "Rename", named with the new file name ("Rename the file to 2024-…md"). */
  readonly renameButton: Locator;
  readonly keepButton: Locator;
  /** Why nothing was renamed, when it failed. */
  readonly failure: Locator;

  constructor(readonly page: Page, language: 'en' | 'de' = 'en') {
    const de = language === 'de';
    this.offer = page.getByRole('main').getByRole('region', { name: de ? 'Datei passend zum Titel umbenennen?' : 'Rename the file to match the title?' });
    this.renameButton = this.offer.getByRole('button', { name: de ? /^Datei in .* umbenennen$/ : /^Rename the file to / });
    this.keepButton = this.offer.getByRole('button', { name: de ? 'Namen behalten' : 'Keep the name', exact: true });
    this.failure = this.offer.getByRole('alert');
  }
}
