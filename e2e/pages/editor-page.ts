/** The post editor: tabs of open posts, the CodeMirror text, its messages, outline and status bar. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the editor, by the accessible names the renderer gives it. */
export class EditorPage {
  readonly tabList: Locator;
  /** The editor's region ("Text of <path>") of the open tab. */
  readonly region: Locator;
  /** The editable text (CodeMirror's content element). */
  readonly content: Locator;
  readonly statusBar: Locator;
  readonly outlineButton: Locator;
  readonly outline: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    this.tabList = page.getByRole('tablist', { name: 'Open posts' });
    this.region = page.getByRole('region', { name: /^Text of / });
    this.content = this.region.getByRole('textbox');
    this.statusBar = page.getByRole('group', { name: 'Document status' });
    this.outlineButton = page.getByRole('button', { name: 'Outline' });
    this.outline = page.getByRole('navigation', { name: 'Outline' });
    this.saveButton = page.getByRole('main').getByRole('button', { name: 'Save', exact: true });
  }

  /** The tab whose accessible name matches (e.g. "x.md" or "x.md, unsaved changes"). */
  tab(name: string | RegExp): Locator {
    return this.tabList.getByRole('tab', { name });
  }

  /** The close button of the tab for `fileName` (beside its tab; a tablist holds only tabs, so not inside it). */
  closeButton(fileName: string): Locator {
    return this.page.getByRole('main').getByRole('button', { name: `Close ${fileName}`, exact: true });
  }

  /** A message above the editor, by its title. */
  banner(title: string | RegExp): Locator {
    return this.page.getByRole('main').getByRole('alert').filter({ hasText: title });
  }

  /** Waits until the editor shows `text`. */
  async expectText(text: string | RegExp): Promise<void> {
    await expect(this.content).toContainText(text);
  }

  /** Puts the cursor at the very end of the text (keyboard, as a user would). */
  async cursorToEnd(): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('Control+End');
  }

  /** Selects the first match of `text` with the find panel (Ctrl+F, Enter, Escape), leaving it selected. */
  async select(text: string): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+f');
    const find = this.page.getByRole('search', { name: 'Find and replace' }).getByRole('textbox', { name: 'Find' });
    await expect(find).toBeFocused();
    // Typed key by key: the panel takes the query on key-up, as it does from a user.
    await find.pressSequentially(text);
    await find.press('Enter');
    await find.press('Escape');
    await expect(this.content).toBeFocused();
  }

  /** Saves with the keyboard shortcut. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }

  /** The "Ln x, Col y" item of the status bar. */
  async cursorLine(): Promise<number> {
    const text = (await this.statusBar.innerText()).match(/Ln (\d+)/);
    return text ? Number(text[1]) : NaN;
  }
}
