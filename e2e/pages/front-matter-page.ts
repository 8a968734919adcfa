/** The front-matter form of the open post: its toggle, its fields by label, lists, switches and the image picker. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the form, by the accessible names the renderer gives it. */
export class FrontMatterPage {
  readonly toggle: Locator;
  readonly region: Locator;
  /** Problems that concern the whole block (broken YAML), shown above the fields. */
  readonly generalProblems: Locator;
  readonly picker: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByRole('main').getByRole('button', { name: /^Front matter/ });
    this.region = page.getByRole('region', { name: 'Front matter' });
    this.generalProblems = this.region.getByRole('alert');
    this.picker = page.getByRole('dialog', { name: /^Choose an image/ });
  }

  /** Shows the form (the toggle is pressed afterwards). */
  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-pressed')) !== 'true') await this.toggle.click();
    await expect(this.region).toBeVisible();
  }

  /** A field's control by its label ("Title", "Date", "Header image"…). */
  field(label: string): Locator {
    return this.region.getByLabel(label, { exact: true });
  }

  /** Types a new value into a text field and commits it with Enter, as a user does. */
  async fillText(label: string, value: string): Promise<void> {
    const input = this.field(label);
    await input.fill(value);
    await input.press('Enter');
  }

  /** The list of a list field (authors, tags) and its items. */
  list(label: string): Locator {
    return this.region.getByRole('list', { name: label, exact: true });
  }

  /** The text of each item of a list field, in order. */
  async listItems(label: string): Promise<string[]> {
    return this.list(label)
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  }

  /** Adds an item to a list field by typing it. */
  async addToList(label: string, value: string): Promise<void> {
    const input = this.region.getByRole('combobox', { name: `Add to ${label}` }).or(this.region.getByRole('textbox', { name: `Add to ${label}` }));
    await input.fill(value);
    await input.press('Enter');
  }

  /** A yes/no switch by its label. */
  switchOf(label: string): Locator {
    return this.region.getByRole('switch', { name: label });
  }

  /** Opens the image picker of a single image field. */
  async openPicker(label: string): Promise<void> {
    await this.region.getByRole('button', { name: `Choose ${label}…` }).click();
    await expect(this.picker).toBeVisible();
  }

  /** Picks an image in the open picker, after filtering by `filter`. */
  async pick(filter: string, name: string): Promise<void> {
    await this.picker.getByRole('searchbox', { name: 'Filter images' }).fill(filter);
    await this.picker.getByRole('button', { name: `Choose ${name}` }).click();
    await expect(this.picker).toBeHidden();
  }
}
