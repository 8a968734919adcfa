/**
 * `pressroom frontmatter`: reads or sets one field of a post's front matter from a terminal, with the same
 * lossless edit as the app (only that field's line changes) and the same safe save (never over a newer file).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure, messageOf } from '../../shared/contract/errors';
import { FrontMatterEditError, type FrontMatterValue, getFieldSource, setFields } from '../../shared/front-matter/edit';
import { readFrontMatter } from '../../shared/front-matter/model';
import { parseYamlSafely, toPlainData } from '../../shared/front-matter/yaml11';
import { readDocument, saveDocument } from '../services/documents';

/** Where the command writes (the CLI's streams, or a test's). */
export interface FrontmatterIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The help of `pressroom frontmatter`. */
export const FRONTMATTER_HELP = `Usage: pressroom frontmatter <file> --get <key> [--json]
       pressroom frontmatter <file> --set <key>=<value> [--set <key>=<value> …] [--json]

Reads or changes one field of a post's YAML front matter. A change rewrites only that field's line:
comments, quotes, order, line endings and every other field stay exactly as they were. The file is
written safely and not at all if it changed meanwhile. Prints nothing when a change succeeds.

Options:
  --get <key>          Print the field's value: text as written, a list one item per line.
  --set <key>=<value>  Set the field (added at the end of the front matter when it is new). The value
                       is read as YAML: "no" is false, "12" a number; quote it ("'12'") for text.
                       Anything that is not a single YAML value is taken as text.
  --json               With --get, print the value as JSON; with --set, read the value as JSON
                       (e.g. --set 'author=["Ada", "Grace"]' for a list).
  -h, --help           Show this help.

Exit status: 0 on success, 1 when the field or file could not be read or written, 2 for a bad command line.
`;

class Usage extends Error {}

/** Reads a --set value: JSON with --json, else one YAML 1.1 scalar as Jekyll would read it. */
function parseValue(raw: string, json: boolean, key: string): FrontMatterValue {
  if (json) {
    try {
      return JSON.parse(raw) as FrontMatterValue;
    } catch {
      throw new Usage(`the value of ${key} is not valid JSON`);
    }
  }
  if (/^\s*[[{]/.test(raw)) throw new Usage(`the value of ${key} is a list or group; pass it as JSON with --json`);
  const { doc, issues } = parseYamlSafely(raw);
  const data = doc && issues.length === 0 ? toPlainData(doc).data : undefined;
  // Text that is not one YAML value ("Launch: day one") is meant as text.
  if (data !== null && (typeof data === 'object' || data === undefined)) return raw;
  return data as FrontMatterValue;
}

function parseSets(sets: string[], json: boolean): Record<string, FrontMatterValue> {
  const patch: Record<string, FrontMatterValue> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new Usage(`--set needs <key>=<value>, not "${set}"`);
    const key = set.slice(0, eq).trim();
    patch[key] = parseValue(set.slice(eq + 1), json, key);
  }
  return patch;
}

async function locate(file: string): Promise<{ root: string; rel: string }> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    throw new AppFailure('not-found', `There is no file at ${file}.`, { path: file });
  }
  return { root: path.dirname(real), rel: path.basename(real) };
}

/** Runs `pressroom frontmatter …` and resolves to the exit code; never throws. */
export async function runFrontmatter(args: string[], io: FrontmatterIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { help: { type: 'boolean', short: 'h' }, get: { type: 'string' }, set: { type: 'string', multiple: true }, json: { type: 'boolean' } },
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new Usage(messageOf(error));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(FRONTMATTER_HELP);
      return 0;
    }
    if (positionals.length !== 1) throw new Usage(positionals.length === 0 ? 'frontmatter needs the file of a post' : `unexpected argument "${positionals[1]}"`);
    const sets = values.set ?? [];
    if ((values.get === undefined) === (sets.length === 0)) throw new Usage('use either --get <key> or --set <key>=<value>');
    const patch = sets.length > 0 ? parseSets(sets, values.json === true) : null;
    const { root, rel } = await locate(positionals[0]);
    const snapshot = await readDocument(root, rel);
    const reading = readFrontMatter(snapshot.text);
    const blocking = reading.problems[0];
    if (blocking) throw new AppFailure('refused', `${positionals[0]}, line ${blocking.line}: ${blocking.message}`);
    if (patch === null) {
      const key = values.get as string;
      const field = getFieldSource(snapshot.text, key);
      if (!field) throw new AppFailure('not-found', `${positionals[0]} has no front-matter field "${key}".`);
      if (values.json) io.stdout(`${JSON.stringify(field.value)}\n`);
      else if (field.written.length > 0) io.stdout(`${field.written.join('\n')}\n`);
      return 0;
    }
    const text = setFields(snapshot.text, patch);
    await saveDocument(root, rel, text, snapshot.version);
    return 0;
  } catch (error) {
    if (error instanceof Usage) {
      io.stderr(`pressroom: ${error.message}\n\n${FRONTMATTER_HELP}`);
      return 2;
    }
    if (error instanceof FrontMatterEditError) {
      io.stderr(`pressroom: ${error.message}\n`);
      return 1;
    }
    io.stderr(`pressroom: ${messageOf(error)}\n`);
    return 1;
  }
}
