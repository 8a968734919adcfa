/**
 * One front-matter problem as the form shows it: "Line 4:" (a button that shows the line in the text), the
 * problem in the interface language, and the YAML parser's own words folded away as a detail.
 */
import type { FrontMatterProblem } from '../../../shared/front-matter/model';
import { useI18n } from '../../i18n/i18n-context';
import { problemWordsText } from '../../i18n/yaml-problems';

/** The problem's line button, words and detail (inline, for a list item or a paragraph). */
export function ProblemText({ problem, onJump }: { problem: FrontMatterProblem; onJump(line: number): void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="link-button" onClick={() => onJump(problem.line)} title={t('frontMatter.showLine', { line: problem.line })}>
        {t('frontMatter.line', { line: problem.line })}
      </button>{' '}
      {problemWordsText(problem.words, t)}
      {problem.detail ? (
        <details className="fm-problem-detail">
          <summary>{t('frontMatter.parserDetail')}</summary>
          <code lang="en">{problem.detail}</code>
        </details>
      ) : null}
    </>
  );
}
