/** An open post: its title and text as the app shows them. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the open document, by the accessible names the renderer gives it. */
export class DocumentPage {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: /document|post/i }).or(page.getByRole('main')).first();
  }

  /** Waits until `text` shows in the open document (in an editor field or as rendered text). */
  async expectText(text: string | RegExp): Promise<void> {
    const editor = this.page.getByRole('textbox', { name: /text|body|editor|content/i });
    await expect
      .poll(async () => {
        const inEditor = await editor.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value ?? e.textContent ?? '').join('\n'));
        const shown = await this.region.innerText().catch(() => '');
        const all = `${inEditor}\n${shown}`;
        return typeof text === 'string' ? all.includes(text) : text.test(all);
      })
      .toBe(true);
  }
}
