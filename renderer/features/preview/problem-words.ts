/**
 * The preview's render problems in the interface language, for its problem list and for the editor's marks:
 * the renderer words a missing asset or a Liquid error itself (in English, as the command line prints them);
 * the HTML problems come as kind, tag and line and are worded here.
 */
import type { LineProblem } from '../../common/editor-bridge';
import type { MessageKey } from '../../i18n/en';
import type { MessageParams } from '../../i18n/translate';
import type { RenderProblem } from '../../../shared/render/render-types';
import { MAX_HTML_DEPTH } from '../../../shared/render/kramdown-html-scan';
import { problemWordsText } from '../../i18n/yaml-problems';

/** The translate function of `useI18n`. */
type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The problem in words; an HTML problem names its line itself (so the list shows no "Line N:" before it). */
export function problemText(p: RenderProblem, t: Translate): { text: string; namesLine: boolean } {
  if (p.tag && p.line && p.kind === 'unclosed-html') return { text: t('preview.problem.unclosedHtml', { tag: p.tag, line: p.line }), namesLine: true };
  if (p.tag && p.line && p.kind === 'html-too-deep') {
    const depth = p.depth ?? MAX_HTML_DEPTH + 1;
    const key = depth > MAX_HTML_DEPTH ? 'preview.problem.htmlTooDeep' : 'preview.problem.markdownTooDeep';
    return { text: t(key, { tag: p.tag, line: p.line, limit: depth - 1 }), namesLine: true };
  }
  // Front-matter problems are worded as in the form and the editor's marks (same words, same line).
  if (p.kind === 'front-matter' && p.words) return { text: problemWordsText(p.words, t), namesLine: false };
  return { text: p.message, namesLine: false };
}

/**
 * The problems the editor marks on its lines: every one with a line except the front matter's, which the editor
 * finds itself. Liquid errors stop part of the post from rendering (errors); the others are warnings.
 */
export function lineProblems(problems: readonly RenderProblem[], t: Translate): LineProblem[] {
  return problems
    .filter((p) => p.line !== undefined && p.kind !== 'front-matter')
    .map((p) => ({ line: p.line!, message: problemText(p, t).text, severity: p.kind === 'liquid-syntax' || p.kind === 'liquid-error' ? 'error' : 'warning' }));
}
