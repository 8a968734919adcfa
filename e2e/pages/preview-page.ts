/** The live preview beside the editor: the pane, its sandboxed frame, the remote-content bar and problems. */
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** Page object for the preview, by the accessible names the renderer gives it. */
export class PreviewPage {
  /** The preview pane (a region named "Preview"). */
  readonly pane: Locator;
  /** The iframe element itself (for its attributes). */
  readonly frameElement: Locator;
  /** The frame's document. */
  readonly frame: FrameLocator;
  /** The article the post is rendered into. */
  readonly article: Locator;
  readonly loadRemoteButton: Locator;
  readonly problems: Locator;
  /** The "Image not available" boxes that stand in for images the preview could not show. */
  readonly brokenImages: Locator;
  /** The images of the post's body figures (not the page image the layout shows above the article). */
  readonly figureImages: Locator;
  /** The front matter's `image`, shown above the article as the post layout shows it. */
  readonly pageImage: Locator;

  constructor(readonly page: Page) {
    this.pane = page.getByRole('region', { name: 'Preview', exact: true });
    this.frameElement = this.pane.locator('iframe');
    this.frame = this.pane.frameLocator('iframe');
    this.article = this.frame.locator('#pr-article');
    this.loadRemoteButton = this.pane.getByRole('button', { name: 'Load remote content' });
    this.problems = this.pane.locator('.preview-problems');
    this.brokenImages = this.article.locator('.pr-broken-image');
    this.figureImages = this.article.locator('figure:not(.pr-page-image) img');
    this.pageImage = this.article.locator('.pr-page-image img');
  }

  /** Waits until the preview shows `text`. */
  async expectText(text: string | RegExp): Promise<void> {
    await expect(this.article).toContainText(text);
  }

  /** How many renders the preview has applied so far. */
  async renders(): Promise<number> {
    return Number((await this.frameElement.getAttribute('data-renders')) ?? 0);
  }

  /** The frame's vertical scroll offset. */
  async scrollTop(): Promise<number> {
    return this.frame.locator('html').evaluate((html) => html.ownerDocument.defaultView?.scrollY ?? 0);
  }

  /** Scrolls the frame as a user does, with the mouse wheel over it. */
  async wheel(deltaY: number): Promise<void> {
    const box = await this.frameElement.boundingBox();
    if (!box) throw new Error('the preview frame is not visible');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, deltaY);
  }

  /** The source line of the first block at or below the top of the frame's viewport. */
  async topLine(): Promise<number> {
    return this.frame.locator('html').evaluate((html) => {
      const blocks = [...html.ownerDocument.querySelectorAll<HTMLElement>('.pr-block')];
      const first = blocks.find((b) => b.getBoundingClientRect().bottom > 10);
      return Number(first?.dataset.prLine ?? 0);
    });
  }

  /** Waits until the image whose alt or class matches `selector` is decoded, and returns its natural size. */
  async loadedImageSize(selector: string): Promise<{ width: number; height: number }> {
    const img = this.article.locator(selector).first();
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    return img.evaluate((el) => ({ width: (el as HTMLImageElement).naturalWidth, height: (el as HTMLImageElement).naturalHeight }));
  }
}
