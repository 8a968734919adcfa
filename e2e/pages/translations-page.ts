/** The open post's translations: the row under its heading, the translation side by side, and the Translate question. */
import { expect, type Locator, type Page } from '@playwright/test';
import { en } from '../../renderer/i18n/en';

type Catalogue = Record<keyof typeof en, string>;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/** Page object for translations, by the accessible names the renderer gives them (in the interface language of `t`). */
export class TranslationsPage {
  /** The row of translations under the post's heading. */
  readonly row: Locator;
  /** The question before a link is replaced by a copy. */
  readonly translateQuestion: Locator;

  constructor(
    readonly page: Page,
    readonly t: Catalogue = en,
  ) {
    this.row = page.getByRole('main').getByRole('group', { name: t['pairs.row'] });
    this.translateQuestion = page.getByRole('alertdialog');
  }

  /** The toggle that shows a translation side by side (`language`: its name in the interface language, e.g. "German"). */
  sideBySideButton(language: string): Locator {
    return this.row.getByRole('button', { name: fill(this.t['pairs.sideBySide'], { language }) });
  }

  /** "Add German translation". */
  addButton(language: string): Locator {
    return this.row.getByRole('button', { name: fill(this.t['pairs.add'], { language }) });
  }

  /** "Translate…" for a symlinked translation (named "Translate German separately…"). */
  translateButton(language: string): Locator {
    return this.row.getByRole('button', { name: fill(this.t['pairs.translateLabel'], { language }) });
  }

  /** The pane beside the open post holding the translation (`language` beside `source`). */
  side(language: string, source: string): Locator {
    return this.page.getByRole('region', { name: fill(this.t['pairs.side'], { language, source }) });
  }

  /** The translation's editable text in the pane. */
  sideText(language: string, source: string): Locator {
    return this.side(language, source).getByRole('textbox');
  }

  /** Answers the Translate question with "Make a copy to translate". */
  async confirmTranslate(): Promise<void> {
    await expect(this.translateQuestion).toBeVisible();
    await this.translateQuestion.getByRole('button', { name: this.t['pairs.makeCopy'] }).click();
    await expect(this.translateQuestion).toBeHidden();
  }

  /**
   * How far below the top of an editor's scrolled view the line containing `text` is, in pixels (negative: above,
   * scrolled past). `editor` is a region holding one CodeMirror editor.
   */
  async lineOffset(editor: Locator, text: string): Promise<number> {
    const scroller = editor.locator('.cm-scroller');
    const line = editor.locator('.cm-line', { hasText: text }).first();
    const [s, l] = await Promise.all([scroller.boundingBox(), line.boundingBox()]);
    if (!s || !l) throw new Error(`the line "${text}" is not laid out`);
    return l.y - s.y;
  }

  /** Scrolls an editor with the mouse wheel, as a user would, until the line containing `text` (below, or `up`) is at the top of its view. */
  async scrollLineToTop(editor: Locator, text: string, direction: 'down' | 'up' = 'down'): Promise<void> {
    await editor.locator('.cm-scroller').hover();
    for (let i = 0; i < 40; i++) {
      // CodeMirror lays out only the lines near the view: wheel on until the line exists, then by its distance.
      const laidOut = (await editor.locator('.cm-line', { hasText: text }).count()) > 0;
      const offset = laidOut ? await this.lineOffset(editor, text) : direction === 'down' ? 400 : -400;
      if (Math.abs(offset) < 8) return;
      await this.page.mouse.wheel(0, offset);
      await this.page.waitForTimeout(100);
    }
    throw new Error(`could not scroll "${text}" to the top`);
  }
}
