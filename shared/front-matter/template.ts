/**
 * Fills a post template's placeholders (`{{title}}`, `{{date}}`, `{{category}}`, `{{lang}}`) so that whatever
 * the user typed cannot break the YAML or turn into Liquid: values are quoted YAML-safely in the front matter
 * and kept literal in the body. Other `{{ … }}` (the site's own Liquid) stay untouched.
 */
import { readFrontMatter } from './model';
import { splitFrontMatter } from './split';
import { doubleQuoted, inlineString } from './yaml-style';

/** The values a template can name. */
export interface TemplateValues {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  category: string;
  lang: string;
}

const PLACEHOLDER = /\{\{\s*(title|date|category|lang)\s*\}\}/g;

/** Why a filled template is not usable; names the line so the site's template can be fixed. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** One front-matter line with its placeholders filled, or null to drop a `key: {{x}}` line whose value is empty. */
function fillYamlLine(line: string, values: TemplateValues): string | null {
  const whole = /^(\s*[^\s#:][^:]*:[ \t]+)\{\{\s*(title|date|category|lang)\s*\}\}([ \t]*(?:#.*)?)$/.exec(line);
  if (whole) {
    const name = whole[2] as keyof TemplateValues;
    const value = values[name];
    if (value === '') return null;
    const written = name === 'date' ? value : inlineString(value, null, { quoted: false, quote: 'QUOTE_DOUBLE' }, { dateOk: false });
    return whole[1] + written + whole[3];
  }
  // Inside quotes: escape for the kind of quotes around the placeholder.
  let out = '';
  let quote = '';
  let last = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (!quote && ch === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    if (quote === '"' && ch === '\\') {
      i++;
      continue;
    }
    if (quote === "'" && ch === "'" && line[i + 1] === "'") {
      i++;
      continue;
    }
    if ((ch === '"' || ch === "'") && (!quote || quote === ch)) quote = quote ? '' : ch;
    else if (ch === '{' && line.startsWith('{{', i)) {
      PLACEHOLDER.lastIndex = i;
      const m = PLACEHOLDER.exec(line);
      if (!m || m.index !== i) continue;
      const value = values[m[1] as keyof TemplateValues];
      const written = quote === '"' ? doubleQuoted(value).slice(1, -1) : quote === "'" ? value.replace(/'/g, "''").replace(/[\r\n]+/g, ' ') : doubleQuoted(value);
      out += line.slice(last, i) + written;
      last = i + m[0].length;
      i = last - 1;
    }
  }
  return out + line.slice(last);
}

/** A value for the body: literal text, so `{{` in a title is not read as Liquid. */
function bodyValue(value: string): string {
  return /\{[{%]/.test(value) ? `{% raw %}${value}{% endraw %}` : value;
}

/**
 * Fills `template` with `values` and checks that its front matter still reads; throws TemplateError (with
 * the line) when the template itself is broken, so no unreadable post is created.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const split = splitFrontMatter(template);
  if (split.problem) throw new TemplateError(split.problem.message, split.problem.line);
  let head = template.slice(0, split.yamlStart);
  let yaml = '';
  if (split.kind === 'yaml') {
    const lines = split.yaml.split('\n');
    const filled: string[] = [];
    for (const raw of lines) {
      const cr = raw.endsWith('\r') ? '\r' : '';
      const line = fillYamlLine(cr ? raw.slice(0, -1) : raw, values);
      if (line !== null) filled.push(line + cr);
    }
    yaml = filled.join('\n');
  } else head = '';
  const middle = split.kind === 'yaml' ? template.slice(split.yamlEnd, split.bodyStart) : '';
  const body = (split.kind === 'yaml' ? split.body : template.slice(split.bodyStart)).replace(PLACEHOLDER, (_m, name: keyof TemplateValues) => bodyValue(values[name]));
  const result = head + yaml + middle + body;
  const problem = readFrontMatter(result).problems[0];
  if (problem) throw new TemplateError(`The template's front matter does not read after filling it in (line ${problem.line}): ${problem.message}`, problem.line);
  return result;
}
