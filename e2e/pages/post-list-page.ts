/** The open site: the list of posts with its filters, and the controls around it. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the post list, by the accessible names the renderer gives its controls. */
export class PostListPage {
  readonly list: Locator;
  readonly items: Locator;
  readonly filterField: Locator;
  readonly languageSelect: Locator;
  readonly categorySelect: Locator;
  readonly settingsButton: Locator;
  readonly closeSiteButton: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('listbox', { name: 'Posts' }).or(page.getByRole('list', { name: 'Posts' }));
    this.items = this.list.getByRole('option').or(this.list.getByRole('listitem'));
    this.filterField = page.getByRole('searchbox', { name: 'Filter posts' }).or(page.getByRole('textbox', { name: 'Filter posts' }));
    this.languageSelect = page.getByRole('combobox', { name: 'Language' });
    this.categorySelect = page.getByRole('combobox', { name: 'Category' });
    this.settingsButton = page.getByRole('button', { name: 'Settings' });
    this.closeSiteButton = page.getByRole('button', { name: 'Close site' });
  }

  /** Waits until the list shows at least one post. */
  async expectLoaded(): Promise<void> {
    await expect(this.list).toBeVisible();
    await expect(this.items.first()).toBeVisible();
  }

  /**
   * The rows that show `title`. A row is a release with its translations: it shows the member in the language
   * filter's language, else the interface language, else the site's default language.
   */
  item(title: string | RegExp): Locator {
    return this.items.filter({ hasText: title });
  }

  /** The language chips of a row as they read, e.g. `['EN', 'DE missing']` or `['EN', 'DE = EN']`. */
  async chips(row: Locator): Promise<string[]> {
    return (await row.locator('.lang-chip').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** The count line above the list ("3 of 5 releases"). */
  get count(): Locator {
    return this.page.locator('.post-count');
  }

  /** The visible text of each entry, top to bottom. */
  async itemTexts(): Promise<string[]> {
    return (await this.items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Types into the text filter. */
  async filter(text: string): Promise<void> {
    await this.filterField.fill(text);
  }

  /** Picks a language by its code or label ('' or 'All' for every language). */
  async selectLanguage(value: string): Promise<void> {
    await selectByValueOrLabel(this.languageSelect, value);
  }

  /** Picks a category by its name or label. */
  async selectCategory(value: string): Promise<void> {
    await selectByValueOrLabel(this.categorySelect, value);
  }

  /**
   * Opens the post with this title; with `language`, first chooses that language in the filter, so a row of a
   * release opens its member in that language (the German title of a German post in the English interface).
   */
  async openPost(title: string, language?: string): Promise<void> {
    if (language !== undefined) await this.selectLanguage(language);
    await this.item(title).first().click();
  }
}

/** A native select accepts a value or a label; try the value first. */
async function selectByValueOrLabel(select: Locator, value: string): Promise<void> {
  const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  if (values.includes(value)) await select.selectOption({ value });
  else await select.selectOption({ label: value });
}
