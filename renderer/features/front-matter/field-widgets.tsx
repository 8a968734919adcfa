/**
 * The form's single-value widgets: text, long text, number, select with a new value, yes/no switch and date
 * picker. Each shows the post's value, commits what the user chose through `onCommit`, and never writes on
 * its own.
 */
import { useId, useState } from 'react';
import type { FrontMatterValue } from '../../../shared/front-matter/edit';
import { useI18n } from '../../i18n/i18n-context';
import { DateField } from '../../common/date-field';
import { dateInputOf, dateTextFor } from '../../common/date-value';
import { useDraft } from './use-draft';

/** What every widget gets: its label, the post's value and where a chosen value goes. */
export interface WidgetProps {
  id: string;
  label: string;
  value: unknown;
  describedBy?: string;
  invalid?: boolean;
  onCommit(value: FrontMatterValue): void;
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One line of text (title, subtitle…); Enter commits. */
export function TextWidget({ id, value, describedBy, invalid, onCommit, multiline }: WidgetProps & { multiline?: boolean }) {
  const draft = useDraft(textOf(value), (v) => onCommit(v));
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    value: draft.value,
    onBlur: draft.flush,
  };
  if (multiline) {
    return <textarea {...common} className="text-input fm-textarea" rows={3} onChange={(e) => draft.change(e.target.value)} />;
  }
  return (
    <input
      {...common}
      type="text"
      className="text-input"
      spellCheck
      onChange={(e) => draft.change(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') draft.flush();
      }}
    />
  );
}

/** A number; an empty field writes an empty value, text that is no number is not written. */
export function NumberWidget({ id, value, describedBy, invalid, onCommit }: WidgetProps) {
  const draft = useDraft(textOf(value), (v) => {
    if (v.trim() === '') onCommit(null);
    else if (Number.isFinite(Number(v))) onCommit(Number(v));
  });
  return (
    <input
      id={id}
      type="number"
      className="text-input"
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      value={draft.value}
      onChange={(e) => draft.change(e.target.value)}
      onBlur={draft.flush}
      onKeyDown={(e) => {
        if (e.key === 'Enter') draft.flush();
      }}
    />
  );
}

/** A choice among the values the site uses, with "Other…" for a value it does not use yet. */
export function SelectWidget({ id, label, value, describedBy, invalid, onCommit, options }: WidgetProps & { options: readonly string[] }) {
  const { t } = useI18n();
  const current = textOf(value);
  const [adding, setAdding] = useState(false);
  const [fresh, setFresh] = useState('');
  const newId = useId();
  const all = [...new Set([...(current ? [current] : []), ...options])];
  const add = () => {
    const v = fresh.trim();
    if (v) onCommit(v);
    setAdding(false);
    setFresh('');
  };
  return (
    <div className="fm-select">
      <select
        id={id}
        className="select"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        value={adding ? '\u0000other' : current}
        onChange={(e) => {
          const v = e.target.value;
          if (v === '\u0000other') setAdding(true);
          else {
            setAdding(false);
            if (v !== current) onCommit(v);
          }
        }}
      >
        <option value="">{t('frontMatter.none')}</option>
        {all.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        <option value={'\u0000other'}>{t('frontMatter.other')}</option>
      </select>
      {adding ? (
        <div className="fm-inline">
          <input
            id={newId}
            className="text-input"
            aria-label={t('frontMatter.newValue', { label })}
            value={fresh}
            autoFocus
            onChange={(e) => setFresh(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              } else if (e.key === 'Escape') {
                e.stopPropagation();
                setAdding(false);
              }
            }}
          />
          <button type="button" className="button small" onClick={add} aria-label={t('frontMatter.addValueTo', { label })}>
            {t('frontMatter.add')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** A yes/no switch; `published` says "Published" or "Not published". The written word (yes, true…) keeps its style. */
export function SwitchWidget({ id, value, describedBy, onCommit, onText, offText, absentMeans }: WidgetProps & { onText: string; offText: string; absentMeans: boolean }) {
  const on = value === null || value === undefined ? absentMeans : value === true;
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={on}
      aria-describedby={describedBy}
      className={`fm-switch ${on ? 'fm-switch-on' : ''}`}
      onClick={() => onCommit(!on)}
    >
      <span className="fm-switch-track" aria-hidden="true">
        <span className="fm-switch-thumb" />
      </span>
      <span className="fm-switch-text">{on ? onText : offText}</span>
    </button>
  );
}

/**
 * A date (or date and time, as the post writes it) in the interface language's format; the text keeps the
 * file's own way of writing it (ISO, its separator, seconds and zone), so one change is a one-line diff.
 */
export function DateWidget({ id, label, value, describedBy, invalid, onCommit, preferred }: WidgetProps & { preferred: 'date' | 'datetime' }) {
  const shown = dateInputOf(value, preferred);
  return (
    <DateField
      id={id}
      label={label}
      kind={shown.kind}
      value={shown.input}
      describedBy={describedBy}
      invalid={invalid || shown.invalid}
      onCommit={(input) => {
        if (input === '') return;
        const text = dateTextFor(input, value);
        if (text !== null && text !== textOf(value)) onCommit(text);
      }}
    />
  );
}
