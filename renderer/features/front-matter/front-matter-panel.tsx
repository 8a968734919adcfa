/**
 * The front-matter form of the open post, bound to the editor's text both ways: a committed field is written
 * with the shared lossless edits as one minimal editor change (one undo step, cursor kept), and a change of the
 * text shows in the form a moment later. Broken front matter locks the form and is shown, never repaired.
 */
import type { EditorView } from '@codemirror/view';
import { type MutableRefObject, useCallback, useMemo, useState } from 'react';
import type { FrontMatterFieldSchema, SiteSummary } from '../../../shared/contract/models';
import { FrontMatterEditError, type FrontMatterValue, removeField, setField } from '../../../shared/front-matter/edit';
import { readFrontMatter } from '../../../shared/front-matter/model';
import { unreadableFrontMatter } from '../../../shared/front-matter/read-block';
import { useSettings } from '../../common/settings-context';
import { useI18n } from '../../i18n/i18n-context';
import { applyTextEdit } from './apply-edit';
import { FormField } from './form-field';
import { ProblemText } from './problem-text';
import { fieldSource, RawFieldError, replaceFieldSource } from './raw-field';
import { blocksEditing, type ReadingOf } from './use-front-matter';
import './front-matter.css';
import { messageOf } from '../../../shared/contract/errors';

/** Props: the post, its current reading, the schema's fields (null while loading) and the editor to write into. */
export interface FrontMatterPanelProps {
  site: SiteSummary;
  readingOf: ReadingOf | null;
  fields: FrontMatterFieldSchema[] | null;
  schemaFailed: boolean;
  viewRef: MutableRefObject<EditorView | null>;
  readOnly: boolean;
  onJump(line: number): void;
}

/** Fields every Jekyll post has, added when the site's schema does not name them. */
const BUILT_INS: FrontMatterFieldSchema[] = [
  { key: 'title', type: 'string', origin: 'inferred' },
  { key: 'date', type: 'date', origin: 'inferred' },
  { key: 'published', type: 'boolean', origin: 'inferred' },
];

function formFields(fields: FrontMatterFieldSchema[]): FrontMatterFieldSchema[] {
  const known = new Set(fields.map((f) => f.key));
  const out = [...fields];
  for (const [i, f] of BUILT_INS.entries()) if (!known.has(f.key)) out.splice(Math.min(i, out.length), 0, f);
  // "Published" sits right after the date (an embargo is decided with the day) unless .pressroom.yml orders it.
  const published = out.findIndex((x) => x.key === 'published' && x.origin === 'inferred');
  if (published !== -1) {
    const [field] = out.splice(published, 1);
    out.splice(out.findIndex((x) => x.key === 'date') + 1, 0, field);
  }
  return out;
}


/** The panel (a region named "Front matter"). */
export function FrontMatterPanel({ site, readingOf, fields, schemaFailed, viewRef, readOnly, onJump }: FrontMatterPanelProps) {
  const { t } = useI18n();
  const { settings } = useSettings();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const all = useMemo(() => formFields(fields ?? []), [fields]);
  const reading = readingOf?.reading ?? null;
  const locked = readOnly || !reading || blocksEditing(reading);

  const setError = useCallback((key: string, message: string | null) => {
    setErrors((prev) => {
      if ((prev[key] ?? null) === message) return prev;
      const next = { ...prev };
      if (message === null) delete next[key];
      else next[key] = message;
      return next;
    });
  }, []);

  const commit = useCallback(
    (key: string, value: FrontMatterValue | undefined) => {
      const view = viewRef.current;
      if (!view || locked) return;
      try {
        applyTextEdit(view, (text) => (value === undefined ? removeField(text, key) : setField(text, key, value)));
        setError(key, null);
      } catch (error) {
        if (!(error instanceof FrontMatterEditError)) console.error('pressroom: front-matter edit failed', error);
        setError(key, messageOf(error));
      }
    },
    [viewRef, locked, setError],
  );

  const commitRaw = useCallback(
    (key: string, source: string): string | null => {
      const view = viewRef.current;
      if (!view || locked) return null;
      try {
        applyTextEdit(view, (text) => replaceFieldSource(text, readFrontMatter(text), key, source));
        return null;
      } catch (error) {
        if (!(error instanceof RawFieldError)) console.error('pressroom: front-matter edit failed', error);
        return messageOf(error);
      }
    },
    [viewRef, locked],
  );

  if (!reading || !readingOf) return null;
  const shownKeys = new Set(all.filter((f) => !f.hidden).map((f) => f.key));
  const hiddenKeys = new Set(all.filter((f) => f.hidden).map((f) => f.key));
  const others = reading.fields.filter((f) => !shownKeys.has(f.key) && !hiddenKeys.has(f.key));
  const general = reading.problems.filter((p) => !p.key || (!shownKeys.has(p.key) && !others.some((o) => o.key === p.key)));
  const present = new Set(reading.fields.map((f) => f.key));
  const row = (field: FrontMatterFieldSchema) => (
    <FormField
      key={field.key}
      field={field}
      value={reading.data[field.key]}
      present={present.has(field.key)}
      source={fieldSource(readingOf.text, reading, field.key)?.source ?? null}
      problems={reading.problems.filter((p) => p.key === field.key)}
      error={errors[field.key] ?? null}
      site={site.root}
      assetSources={site.assetSources}
      onCommit={(v) => commit(field.key, v)}
      onCommitRaw={(s) => commitRaw(field.key, s)}
      onJump={onJump}
    />
  );

  return (
    <section
      className="fm-panel"
      aria-label={t('frontMatter.region')}
      onKeyDownCapture={(e) => {
        // Ctrl/Cmd+S saves what is typed too: leaving the field commits it before the save reads the text.
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's' && e.target instanceof HTMLElement) {
          e.target.blur();
          e.target.focus();
        }
      }}
    >
      {general.length > 0 ? (
        <div className="alert alert-error fm-general" role="alert">
          <div className="alert-body">
            <p className="alert-title">{locked && !readOnly ? t('frontMatter.locked') : t('frontMatter.problems')}</p>
            <ul className="fm-problem-list">
              {general.map((p, i) => (
                <li key={i}>
                  <ProblemText problem={p} onJump={onJump} />
                </li>
              ))}
            </ul>
            {locked && !readOnly && settings.autosave && unreadableFrontMatter(readingOf.text) ? <p className="fm-autosave-waits">{t('saveGuard.autosaveWaits')}</p> : null}
          </div>
        </div>
      ) : null}
      {readOnly ? <p className="field-hint">{t('frontMatter.readOnly')}</p> : null}
      {schemaFailed ? <p className="field-hint">{t('frontMatter.schemaFailed')}</p> : null}
      {fields === null && !schemaFailed ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {t('frontMatter.loading')}
        </p>
      ) : null}
      {!reading.hasFrontMatter && !locked ? <p className="field-hint">{t('frontMatter.noFrontMatter')}</p> : null}
      {/* YAML that cannot be read has no fields to show: empty controls would only mislead. */}
      <fieldset className="fm-form" disabled={locked} hidden={locked && !readOnly && reading.fields.length === 0 && reading.hasFrontMatter}>
        <legend className="visually-hidden">{t('frontMatter.region')}</legend>
        <div className="fm-grid">{all.filter((f) => !f.hidden).map(row)}</div>
        {others.length > 0 ? (
          <details className="fm-others" open>
            <summary>{t('frontMatter.otherFields', { count: others.length })}</summary>
            <p className="field-hint">{t('frontMatter.otherFieldsHint')}</p>
            <div className="fm-grid">{others.map((f) => row({ key: f.key, type: 'object', origin: 'inferred', label: f.key }))}</div>
          </details>
        ) : null}
      </fieldset>
    </section>
  );
}
