/**
 * `pressroom figure`: brings an image into a site from a script, exactly as the app's insert-figure dialog does
 * (checked by content, a safe name, the same content reused, a web copy of large photos) and prints the site's
 * figure snippet; with `--post` the snippet is added at the end of that post, the rest of the file untouched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure, messageOf } from '../../shared/contract/errors';
import { figureSnippet } from '../../shared/figures/figure-snippet';
import { extensionOfMime, safeFileName } from '../../shared/figures/safe-file-name';
import { checkSvg, importFigure, isLargeFigure, loadFigureSettings, MAX_FIGURE_BYTES, probeImage } from '../services/figures';
import { readDocument, saveDocument } from '../services/documents';
import { isInside } from '../services/paths';
import { loadSiteConfig } from '../services/site';

/** Where the command writes (the CLI's streams, or a test's). */
export interface FigureIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The help of `pressroom figure`. */
export const FIGURE_HELP = `Usage: pressroom figure <site> <image> --alt <text> [--caption <text>] [--credit <text>]
                        [--post <file>] [--no-downscale]

Copies <image> into the site's figure folder (by default _assets/images/blog/ where jekyll-assets is
used, else assets/images/; "figures: folder:" in .pressroom.yml changes it) under a safe, readable
name, and prints the snippet a post uses to show it (the site's "figures: template:", else the
seed's <figure>). The image is checked by its content; an SVG loses scripts and external links. The
same content already in the folder is reused; a different file with the same name gets a new name.
A photo wider than "figures: maxWidth:" (2000 px) or heavier than 1 MB is replaced by a web copy.

Options:
  --alt <text>      What the image shows, for people who cannot see it (required).
  --caption <text>  The caption under the image.
  --credit <text>   Who made the image; shown in small print after the caption.
  --post <file>     Also add the snippet at the end of this post of the site (the rest of the file
                    stays as it is).
  --no-downscale    Keep a large photo as it is instead of a web copy.
  -h, --help        Show this help.

Exit status: 0 on success, 1 when the image could not be imported, 2 for a bad command line.
`;

class Usage extends Error {}

/** The real folder of the site; 'not-found' when there is none. */
async function siteRoot(site: string): Promise<string> {
  const real = await fs.realpath(site).catch(() => null);
  const stat = real ? await fs.stat(real).catch(() => null) : null;
  if (!real || !stat?.isDirectory()) throw new AppFailure('not-found', `There is no folder at ${site}.`, { path: site });
  return real;
}

/** The image's bytes, refused before reading when it is over the 50 MB limit. */
async function readImage(file: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppFailure('not-found', `There is no image file at ${file}.`, { path: file });
  if (stat.size > MAX_FIGURE_BYTES) throw new AppFailure('too-large', `${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; pictures up to 50 MB can be imported.`, { path: file });
  return fs.readFile(file);
}

/** The post as a path inside the site (given from the working folder, or from the site); 'outside-site' elsewhere. */
async function postInSite(root: string, post: string): Promise<string> {
  const candidates = path.isAbsolute(post) ? [post] : [path.resolve(post), path.join(root, post)];
  for (const candidate of candidates) {
    const real = await fs.realpath(candidate).catch(() => null);
    if (real === null) continue;
    if (!isInside(root, real) || real === root) throw new AppFailure('outside-site', `${post} is not a post of the site ${root}.`, { path: post });
    return path.relative(root, real).split(path.sep).join('/');
  }
  throw new AppFailure('not-found', `There is no post at ${post}.`, { path: post });
}

/** The post text with `snippet` at its end, after a blank line, in the post's own line endings. */
export function appendSnippet(text: string, snippet: string, eol: 'lf' | 'crlf' | 'mixed' | 'none'): string {
  const nl = eol === 'crlf' ? '\r\n' : '\n';
  const block = snippet.split('\n').join(nl);
  if (text === '') return `${block}${nl}`;
  const ends = text.endsWith('\n');
  const blank = /(\r?\n){2}$/.test(text);
  return `${text}${ends ? '' : nl}${blank ? '' : nl}${block}${nl}`;
}

/** Today's date (`YYYY-MM-DD`, local time), or the post's date from its file name, for a date prefix. */
function dateFor(postRel: string | null, now = new Date()): string {
  const fromPost = postRel ? /(?:^|\/)(\d{4}-\d{2}-\d{2})-[^/]*$/.exec(postRel) : null;
  if (fromPost) return fromPost[1];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        alt: { type: 'string' },
        caption: { type: 'string' },
        credit: { type: 'string' },
        post: { type: 'string' },
        'no-downscale': { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new Usage(messageOf(error));
  }
}

/** Runs `pressroom figure …` and resolves to the exit code; never throws. */
export async function runFigure(args: string[], io: FigureIo): Promise<number> {
  try {
    const { values, positionals } = options(args);
    if (values.help) {
      io.stdout(FIGURE_HELP);
      return 0;
    }
    if (positionals.length < 2) throw new Usage(positionals.length === 0 ? 'figure needs the folder of a site and an image' : 'figure needs an image after the site');
    if (positionals.length > 2) throw new Usage(`unexpected argument "${positionals[2]}"`);
    const alt = values.alt?.trim() ?? '';
    if (!alt) throw new Usage('--alt is required: describe what the image shows, for people who cannot see it');
    const [site, image] = positionals;
    const root = await siteRoot(site);
    await loadSiteConfig(root);
    const postRel = values.post === undefined ? null : await postInSite(root, values.post);
    const snapshot = postRel === null ? null : await readDocument(root, postRel);

    const settings = await loadFigureSettings(root);
    for (const problem of settings.problems) io.stderr(`pressroom: ${problem}\n`);
    let data = await readImage(image);
    const probed = await probeImage(data, path.basename(image));
    if (probed.mime === 'image/svg+xml') {
      const safe = checkSvg(data, path.basename(image));
      for (const note of safe.notes) io.stderr(`pressroom: ${note}\n`);
      data = Buffer.from(safe.text, 'utf8');
    }
    const ext = extensionOfMime(probed.mime);
    if (!ext) throw new AppFailure('not-supported', `${image} is not a picture Pressroom can import.`, { path: image });
    const fileName = safeFileName(path.basename(image), { ext, datePrefix: settings.datePrefix ? dateFor(postRel) : null });
    const downscale = !values['no-downscale'] && isLargeFigure({ mime: probed.mime, width: probed.width, bytes: data.length }, settings.maxWidth);
    const imported = await importFigure({
      siteRoot: root,
      settings,
      staged: { data, mime: probed.mime, width: probed.width, height: probed.height },
      fileName,
      downscale,
      keepOriginal: false,
    });
    io.stderr(`pressroom: ${imported.reused ? 'reused' : 'imported'} ${imported.path} (${imported.width}×${imported.height})\n`);
    const snippet = figureSnippet(settings, { reference: imported.reference, alt, caption: values.caption, credit: values.credit });
    if (postRel !== null && snapshot !== null) {
      await saveDocument(root, postRel, appendSnippet(snapshot.text, snippet, snapshot.eol), snapshot.version);
    }
    io.stdout(`${snippet}\n`);
    return 0;
  } catch (error) {
    if (error instanceof Usage) {
      io.stderr(`pressroom: ${error.message}\n\n${FIGURE_HELP}`);
      return 2;
    }
    io.stderr(`pressroom: ${error instanceof AppFailure ? error.message : messageOf(error)}\n`);
    return 1;
  }
}
