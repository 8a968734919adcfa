/** The quiet line under the editor: words and reading time of the body, cursor position, line endings, BOM. */
import { useMemo } from 'react';
import type { LineEnding } from '../../../../shared/contract/models';
import type { EditorBridge } from '../../../common/editor-bridge';
import { useEditorCursor } from '../../../common/use-doc-text';
import { useI18n } from '../../../i18n/i18n-context';
import { countWords } from './word-count';

/** Props: the editor's text (as of the last pause in typing), the editor it shows the cursor of, and how the file stores its lines. */
export interface StatusBarProps {
  text: string;
  bridge: EditorBridge;
  eol: LineEnding;
  bom: boolean;
  readOnly: boolean;
}

/** Shown below the editor; the word count follows the text a moment after typing pauses, so typing never waits for it. */
export function StatusBar({ text, bridge, eol, bom, readOnly }: StatusBarProps) {
  const { t, tn } = useI18n();
  const { line, column } = useEditorCursor(bridge);
  const count = useMemo(() => countWords(text), [text]);
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
