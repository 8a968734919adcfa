/**
 * The accessibility check of the e2e harness: axe-core's WCAG 2.0/2.1 A and AA rules on what the page shows now,
 * keeping only what blocks or badly hinders people (impact serious or critical), each told in one line a failing
 * test can print: rule, impact, the element's selector and its HTML.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.1 AA rule sets issue 21 asks the app to pass. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One element that breaks one rule, as a reader of a test failure needs it. */
export interface A11yProblem {
  rule: string;
  impact: string;
  target: string;
  html: string;
  summary: string;
  help: string;
}

/** Options: `include`/`exclude` narrow the check to a part of the screen (CSS selectors). */
export interface A11yCheckOptions {
  include?: string;
  exclude?: readonly string[];
}

/** Runs axe on the page and returns each serious or critical violation, one entry per element. */
export async function seriousA11yProblems(page: Page, opts: A11yCheckOptions = {}): Promise<A11yProblem[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (opts.include) builder = builder.include(opts.include);
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const problems: A11yProblem[] = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      problems.push({
        rule: violation.id,
        impact: violation.impact,
        target: node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : String(part))).join(' '),
        html: node.html.length > 200 ? `${node.html.slice(0, 200)}…` : node.html,
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        help: violation.help,
      });
    }
  }
  return problems;
}

/** The problems as lines for an assertion message: "rule (impact) at selector: html — what to fix". */
export function formatA11yProblems(problems: readonly A11yProblem[]): string[] {
  return problems.map((p) => `${p.rule} (${p.impact}) at ${p.target}: ${p.html} — ${p.help}. ${p.summary}`);
}

/** The formatted problems of the page; an empty list means the screen passes. */
export async function a11yViolations(page: Page, opts: A11yCheckOptions = {}): Promise<string[]> {
  return formatA11yProblems(await seriousA11yProblems(page, opts));
}
