/**
 * The closing block a site adds to every export, from `.pressroom.yml`:
 *
 *   export:
 *     boilerplate: "Markdown for every language"
 *     contact:
 *       en: "**Press contact** …"
 *       de: "…"
 *
 * Read through the one `.pressroom.yml` reader (confined, bounded); a value of the wrong kind is a warning that
 * names it, never a failed export.
 */
import type { ExportWarning } from '../../../shared/contract/export-models';
import { isRecord } from '../../../shared/util/is-record';
import { readPressroomYml } from '../figures';

/** A closing text longer than this is not used (a boilerplate is a paragraph or two). */
export const MAX_CLOSING_CHARS = 64 * 1024;

/** The closing texts of an export in the post's language (Markdown), each null when the site has none. */
export interface ExportClosing {
  boilerplate: string | null;
  contact: string | null;
}

const KEYS = ['boilerplate', 'contact'] as const;

function problem(detail: string): ExportWarning {
  return { code: 'render-problem', detail: `.pressroom.yml: ${detail}` };
}

/** The text for `language` of a string or a per-language map: the tag, its primary language, the site's default, English. */
function pick(value: unknown, key: string, language: string, siteDefault: string | null, warnings: ExportWarning[]): string | null {
  if (value === undefined || value === null) return null;
  let chosen: unknown = value;
  if (isRecord(value) && !(value instanceof Date)) {
    const primary = language.split('-')[0];
    const order = [language, language.toLowerCase(), primary, primary.toLowerCase(), siteDefault, 'en'];
    const found = order.find((k) => k !== null && Object.hasOwn(value, k));
    if (found === undefined || found === null) return null;
    chosen = value[found];
    if (typeof chosen !== 'string') {
      warnings.push(problem(`export.${key}.${found} should be Markdown text; it was left out.`));
      return null;
    }
  } else if (typeof value !== 'string') {
    warnings.push(problem(`export.${key} should be Markdown text or a map of languages to Markdown text; it was left out.`));
    return null;
  }
  const text = chosen as string;
  if (text.length > MAX_CLOSING_CHARS) {
    warnings.push(problem(`export.${key} is longer than ${MAX_CLOSING_CHARS / 1024} KB; it was left out.`));
    return null;
  }
  return text.trim() === '' ? null : text;
}

/** Picks the closing texts for `language` from parsed `.pressroom.yml` data (pure, for tests and for the reader below). */
export function exportClosingFromData(data: unknown, language: string, siteDefault: string | null, warnings: ExportWarning[]): ExportClosing {
  const none: ExportClosing = { boilerplate: null, contact: null };
  if (!isRecord(data) || data.export === undefined || data.export === null) return none;
  const block = data.export;
  if (!isRecord(block) || block instanceof Date) {
    warnings.push(problem('export should be a map with boilerplate and contact; it was left out.'));
    return none;
  }
  const out = { ...none };
  for (const key of KEYS) out[key] = pick(block[key], key, language, siteDefault, warnings);
  return out;
}

/** The closing texts of the site at `root` for a post in `language`; problems reading the file become warnings. */
export async function loadExportClosing(root: string, language: string, siteDefault: string | null, warnings: ExportWarning[]): Promise<ExportClosing> {
  const problems: string[] = [];
  const data = await readPressroomYml(root, problems, 'the export has no press contact or boilerplate');
  for (const p of problems) warnings.push({ code: 'render-problem', detail: p });
  return exportClosingFromData(data, language, siteDefault, warnings);
}
