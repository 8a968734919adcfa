/**
 * Keys the form has no widget for are edited as the YAML they are written in: the lines of one top-level key
 * (its value's lines included, comments above the next key excluded) are shown and replaced as they are, and a
 * replacement is accepted only when the front matter still reads and every other field keeps its value.
 */
import { type FrontMatterReading, readFrontMatter } from '../../../shared/front-matter/model';
import { lineStarts } from '../../../shared/util/line-starts';

/** Where a key's lines are in the text, and the lines themselves (without the final line break). */
export interface FieldSource {
  from: number;
  to: number;
  source: string;
}


/** The lines of a top-level key as written; null when the key is not in the front matter. */
export function fieldSource(text: string, reading: FrontMatterReading, key: string): FieldSource | null {
  if (!reading.hasFrontMatter) return null;
  const index = reading.fields.findIndex((f) => f.key === key);
  if (index === -1) return null;
  // One-based: starts[1] is where line 1 starts.
  const starts = [0, ...lineStarts(text)];
  const lineText = (n: number) => text.slice(starts[n], (starts[n + 1] ?? text.length + 1) - 1);
  const first = reading.fields[index].line;
  let last = (reading.fields[index + 1]?.line ?? reading.split.closeLine) - 1;
  while (last > first && /^[ \t]*(#.*)?\r?$/.test(lineText(last))) last--;
  const from = starts[first];
  const to = starts[last + 1] ?? text.length;
  return { from, to, source: text.slice(from, to).replace(/\r?\n$/, '') };
}

/** Why a raw edit was refused; the text stays as it was. */
export class RawFieldError extends Error {}

/**
 * Replaces a key's lines with `source` and returns the new text. Refuses (RawFieldError) YAML that does not
 * read, or that changes or drops any other field.
 */
export function replaceFieldSource(text: string, reading: FrontMatterReading, key: string, source: string): string {
  const at = fieldSource(text, reading, key);
  if (!at) throw new RawFieldError(`${key} is no longer in the front matter.`);
  const eol = reading.split.eol;
  const body = source.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  const lines = body === '' ? '' : body.split('\n').join(eol) + eol;
  const next = text.slice(0, at.from) + lines + text.slice(at.to);
  const after = readFrontMatter(next);
  const broken = after.problems[0];
  if (broken) throw new RawFieldError(`Line ${broken.line}: ${broken.message}`);
  for (const [k, v] of Object.entries(reading.data)) {
    if (k === key) continue;
    if (!Object.prototype.hasOwnProperty.call(after.data, k) || JSON.stringify(after.data[k]) !== JSON.stringify(v)) {
      throw new RawFieldError(`This would change the field ${k}; edit only ${key} here.`);
    }
  }
  return next;
}
