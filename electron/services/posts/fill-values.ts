/**
 * Fills a template's press-release values (`{{city}}`, `{{organisation}}`, `{{contact}}`, `{{author}}`) in its body.
 * `{{#city}}…{{/city}}` keeps its text only when the value is known, `{{^city}}…{{/city}}` only when it is not, so an
 * unknown value leaves its part out instead of a placeholder ("City", "First Last") the user has to find and replace.
 * The author goes into the front matter. Title, date, category and lang stay for `fillTemplate`.
 */
import { AppFailure } from '../../../shared/contract/errors';
import { type FrontMatterValue, setField } from '../../../shared/front-matter/edit';
import { readFrontMatter } from '../../../shared/front-matter/model';
import { splitFrontMatter } from '../../../shared/front-matter/split';
import { PRESS_RELEASE_VALUE_NAMES, type PressReleaseValues } from './template-values';

type Name = (typeof PRESS_RELEASE_VALUE_NAMES)[number];

const NAMES = PRESS_RELEASE_VALUE_NAMES.join('|');
/** A section tag with the blanks around it; alone on its line it takes the line with it, as in Mustache. */
const SECTION_TAG = new RegExp(`([ \\t]*)\\{\\{([#^/])(${NAMES})\\}\\}([ \\t]*(?:\\r?\\n|$))?`, 'g');
const VALUE = new RegExp(`\\{\\{\\s*(${NAMES})\\s*\\}\\}`, 'g');

/** The text a value shows in the body: literal (a `{{` in it is not Liquid), contact lines as lines of one paragraph. */
function bodyText(values: PressReleaseValues, name: Name): string {
  const value = values[name];
  const text = value === undefined ? '' : Array.isArray(value) ? value.join(name === 'contact' ? '<br>\n' : ', ') : value;
  return /\{[{%]/.test(text) ? `{% raw %}${text}{% endraw %}` : text;
}

/** The body with its sections resolved and values filled; a section left open or closed twice is the template's fault. */
function fillBody(body: string, values: PressReleaseValues, source: string): string {
  const known = (name: Name) => values[name] !== undefined;
  const open: { name: Name; show: boolean }[] = [];
  let out = '';
  let last = 0;
  const showing = () => open.every((s) => s.show);
  for (const m of body.matchAll(SECTION_TAG)) {
    const [whole, lead, kind, raw, trail] = m;
    const name = raw as Name;
    const standalone = (m.index === 0 || body[m.index - 1] === '\n') && trail !== undefined;
    if (showing()) out += body.slice(last, m.index) + (standalone ? '' : lead);
    last = m.index + whole.length;
    if (kind === '/') {
      if (open.at(-1)?.name !== name) throw new AppFailure('bad-config', `The template ${source} closes {{/${name}}} that is not open.`, { path: source });
      open.pop();
    } else open.push({ name, show: kind === '#' ? known(name) : !known(name) });
    if (!standalone && showing()) out += trail ?? '';
  }
  if (open.length > 0) throw new AppFailure('bad-config', `The template ${source} opens {{#${open[0].name}}} and never closes it.`, { path: source });
  out += body.slice(last);
  return out.replace(VALUE, (_m, name: Name) => bodyText(values, name));
}

/** `template` with the press-release values filled in its body (front matter untouched, for `fillTemplate`). */
export function fillPressReleaseValues(template: string, values: PressReleaseValues, source: string): string {
  const split = splitFrontMatter(template);
  if (split.problem) return template;
  return template.slice(0, split.bodyStart) + fillBody(template.slice(split.bodyStart), values, source);
}

/** The filled post with `author:` set when the value is known and the template did not write one itself. */
export function withAuthor(post: string, values: PressReleaseValues): string {
  if (values.author === undefined || 'author' in readFrontMatter(post).data) return post;
  return setField(post, 'author', values.author as FrontMatterValue);
}
