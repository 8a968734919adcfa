/** An open post: its title and text as the app shows them. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the open document, by the accessible names the renderer gives it. */
export class DocumentPage {
  /** The post's text (a region named "Text of <path>"). */
  readonly text: Locator;
  /** The post's title heading. */
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByRole('region', { name: /^Text of / });
    this.title = page.getByRole('main').getByRole('heading', { level: 2 });
  }

  /** Waits until `text` shows in the open post's text. */
  async expectText(text: string | RegExp): Promise<void> {
    await expect(this.text).toContainText(text);
  }
}
