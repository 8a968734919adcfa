/**
 * File names for images brought into a site: safe on every system (no path parts, no Windows device names,
 * no control or bidi characters) and readable in a URL (lowercase ASCII words joined by dashes).
 */
import { slugify } from '../site/slug';

/** The file extensions an imported image gets, one per kind of content (the real type, never the name's claim). */
export type FigureExtension = 'jpg' | 'png' | 'gif' | 'webp' | 'avif' | 'svg';

/** Longest name before the extension (date prefix included), so paths stay short on every system. */
export const MAX_FIGURE_NAME_LENGTH = 80;

/** The name used when nothing readable is left of the original. */
export const FALLBACK_FIGURE_NAME = 'image';

const EXTENSION_OF_MIME: Record<string, FigureExtension> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};

/** The extension for an image's detected type, so a name always tells the truth about the content. */
export function extensionOfMime(mime: string): FigureExtension | null {
  return EXTENSION_OF_MIME[mime] ?? null;
}

/** Names Windows treats as devices, with or without an extension (`CON.png` cannot be created there). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Control, format and bidi characters (right-to-left override and friends) that disguise what a name says. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** The last path part of a name, whatever separator the system that named it used. */
function lastPart(name: string): string {
  const parts = name.split(/[/\\]/);
  return parts[parts.length - 1] ?? '';
}

/** The name without its last extension (`photo.final.JPG` → `photo.final`); a leading dot is not an extension. */
function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Cuts `s` to `max` characters at a dash when one is near the end, never leaving a trailing dash. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max + 1);
  const dash = head.lastIndexOf('-');
  return (dash > max / 2 ? head.slice(0, dash) : s.slice(0, max)).replace(/-+$/, '');
}

/**
 * A safe, readable file name for an image named `originalName` by the user's system, with the extension of its
 * real type and an optional `YYYY-MM-DD-` prefix: `Müller Straße (final).JPG` → `mueller-strasse-final.jpg`.
 */
export function safeFileName(originalName: string, options: { ext: FigureExtension; datePrefix?: string | null }): string {
  const cleaned = lastPart(originalName.normalize('NFC').replace(INVISIBLE, ''));
  let base = slugify(stem(cleaned.replace(/[\s.]+$/, '').trim()), null);
  const prefix = options.datePrefix && DATE.test(options.datePrefix) ? `${options.datePrefix}-` : '';
  if (prefix && base.startsWith(prefix)) base = base.slice(prefix.length);
  if (!base) base = FALLBACK_FIGURE_NAME;
  base = cut(base, MAX_FIGURE_NAME_LENGTH - prefix.length) || FALLBACK_FIGURE_NAME;
  if (!prefix && RESERVED.test(base)) base = `${base}-image`;
  return `${prefix}${base}.${options.ext}`;
}

const ALLOWED_EXTENSIONS = new Set<string>(Object.values(EXTENSION_OF_MIME));

/**
 * What is wrong with a file name the user typed for an image, as a sentence to show, or null when it is fine.
 * The rules are those `safeFileName` follows; `ext`, when given, is the extension the content needs.
 */
export function fileNameProblem(name: string, ext?: FigureExtension): string | null {
  if (name.trim() === '') return 'The file name is empty.';
  if (/[/\\]/.test(name) || name.includes('..')) return 'The file name must not contain “/”, “\\” or “..”: it names a file in the image folder, not a path.';
  if (new RegExp(INVISIBLE.source).test(name)) return 'The file name contains invisible control or text-direction characters.';
  if (name.startsWith('.')) return 'The file name must not start with a dot (that would hide the file).';
  if (/[.\s]$/.test(name)) return 'The file name must not end with a dot or a space.';
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  if (!extension) return `The file name needs an extension${ext ? ` (.${ext})` : ''}.`;
  if (ext && extension !== ext) return `The file name must end in “.${ext}”, the type of this image.`;
  if (!ALLOWED_EXTENSIONS.has(extension)) return `“.${extension}” is not an image extension (use .jpg, .png, .gif, .webp, .avif or .svg).`;
  if (RESERVED.test(base)) return `“${base}” is a name Windows reserves for devices; choose another name.`;
  if (base.length > MAX_FIGURE_NAME_LENGTH) return `The file name is too long (at most ${MAX_FIGURE_NAME_LENGTH} characters before the extension).`;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(base)) {
    return 'Use only lowercase letters a–z, digits and single dashes (no spaces, accents or other signs, no dash at the start or end).';
  }
  return null;
}
