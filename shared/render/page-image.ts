/**
 * The front matter's `image` shown above the article, as post layouts head a post with it: a jekyll-assets
 * path (`blog/r3.jpg`, `blog/r3`) resolved like `{% asset %}`, or a site path (`/assets/img/x.png`). The image
 * goes through the same marker, sanitizer and `asset.read` as any picture in the body; one that cannot be
 * found is a problem on the `image:` line and a visible "Image not available" box, never a silent hole.
 */
import type { RenderBlock, RenderProblem, SiteContext } from './render-types';
import { escapeHtml } from '../util/escape-html';
import { lineOfOffset } from '../util/line-starts';
import { ASSET_MARKER } from './site-context';

/** The one-based file line of the top-level `image:` key in the front matter, or 1 when it cannot be found. */
function imageLine(source: string): number {
  if (!source.startsWith('---')) return 1;
  const end = source.indexOf('\n---', 3);
  const head = end < 0 ? source : source.slice(0, end);
  const at = /^image[ \t]*:/m.exec(head);
  return at ? lineOfOffset(head, at.index) : 1;
}

/** The `<figure>` heading the article with the page image, and the problem when the image does not exist. */
export function pageImageBlock(
  frontMatter: Record<string, unknown>,
  source: string,
  site: SiteContext,
): { block: RenderBlock; problem: RenderProblem | null } | null {
  const value = typeof frontMatter.image === 'string' ? frontMatter.image.trim() : '';
  if (!value) return null;
  const line = imageLine(source);
  let src = value;
  let problem: RenderProblem | null = null;
  // A site path or a URL is used as written (the sanitizer decides what may load); anything else is an asset path.
  if (!value.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    const url = site.assetUrl(value);
    if (url === null) problem = { kind: 'missing-asset', message: `Page image not found: ${value}`, line };
    src = url ?? ASSET_MARKER + value;
  }
  const html = `<figure class="pr-page-image"><img src="${escapeHtml(src)}" alt=""></figure>\n`;
  return { block: { line, html }, problem };
}
