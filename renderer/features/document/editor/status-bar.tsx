/** The quiet line under the editor: words and reading time of the body, cursor position, line endings, BOM. */
import { useDeferredValue, useMemo } from 'react';
import type { LineEnding } from '../../../../shared/contract/models';
import { useI18n } from '../../../i18n/i18n-context';
import { countWords } from './word-count';

/** Props: the editor's text and cursor, and how the file stores its lines. */
export interface StatusBarProps {
  text: string;
  line: number;
  column: number;
  eol: LineEnding;
  bom: boolean;
  readOnly: boolean;
}

/** Shown below the editor; the word count trails the typing slightly so typing never waits for it. */
export function StatusBar({ text, line, column, eol, bom, readOnly }: StatusBarProps) {
  const { t, tn } = useI18n();
  const deferred = useDeferredValue(text);
  const count = useMemo(() => countWords(deferred), [deferred]);
  const eolName = eol === 'crlf' ? 'CRLF' : eol === 'mixed' ? 'CRLF/LF' : 'LF';
  return (
    <footer className="status-bar" role="group" aria-label={t('editor.status')}>
      <span className="status-item" data-testid="word-count">
        {tn('editor.words', count.words)}
      </span>
      <span className="status-item">{t('editor.readingTime', { minutes: count.minutes })}</span>
      <span className="status-spacer" />
      {readOnly ? <span className="status-item status-readonly">{t('editor.readOnly')}</span> : null}
      <span className="status-item" aria-label={t('editor.positionLabel', { line, column })}>
        {t('editor.position', { line, column })}
      </span>
      <span className="status-item" title={t('editor.lineEnding', { eol: eolName })} aria-label={t('editor.lineEnding', { eol: eolName })}>
        {eolName}
      </span>
      <span className="status-item">{bom ? t('editor.bom') : t('editor.encoding')}</span>
    </footer>
  );
}
