/**
 * The right half of the document split while a translation is shown beside the open post: a heading that says which
 * language and which file it is (and whether it is unsaved), its own Save, a way back to the preview, and the editor.
 */
import type { ReactNode } from 'react';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import './translations.css';

/** Props: the translation's language (and the open post's), its file and state, and the editor as `children`. */
export interface SidePaneProps {
  language: string | null;
  sourceLanguage: string | null;
  path: string;
  dirty: boolean;
  saving: boolean;
  /** False while the file is read or when it is read-only: no Save button. */
  canSave: boolean;
  onSave(): void;
  /** Back to the preview. */
  onClose(): void;
  /** The file changed on disk or a save failed: the pane says so and offers its tab, where the choices are. */
  problem: boolean;
  onOpenTab(): void;
  children: ReactNode;
}

/** A labelled region beside the open post's editor, holding the translation's editor. */
export function SidePane({ language, sourceLanguage, path, dirty, saving, canSave, onSave, onClose, problem, onOpenTab, children }: SidePaneProps) {
  const { t, languageName } = useI18n();
  const name = language ? languageName(language) : path;
  const source = sourceLanguage ? languageName(sourceLanguage) : '';
  return (
    <section className="side-pane" aria-label={t('pairs.side', { language: name, source })}>
      <header className="side-pane-head">
        <div className="side-pane-heading">
          <h3 className="side-pane-title">
            {name}
            {dirty ? <span className="side-pane-unsaved">{t('pairs.unsaved')}</span> : null}
          </h3>
          <span className="side-pane-path" title={path}>
            <Icon name="file" />
            <span>{path}</span>
          </span>
        </div>
        {canSave ? (
          <button type="button" className="button small" disabled={!dirty || saving} onClick={onSave} aria-label={t('pairs.save', { language: name })}>
            {saving ? t('editor.saving') : t('editor.save')}
          </button>
        ) : null}
        <button type="button" className="button small ghost" onClick={onClose} title={t('pairs.showPreviewTitle', { language: name })}>
          {t('pairs.showPreview')}
        </button>
      </header>
      {problem ? (
        <div className="alert alert-warn side-pane-problem" role="alert">
          <Icon name="alert" className="alert-icon" />
          <div className="alert-body">
            <p>{t('pairs.sideProblem', { language: name })}</p>
          </div>
          <button type="button" className="button small" onClick={onOpenTab}>
            {t('pairs.goToTab')}
          </button>
        </div>
      ) : null}
      {children}
    </section>
  );
}
