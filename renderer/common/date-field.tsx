/**
 * A date (or date and time) field in the interface language's format, whatever the browser's locale: German
 * shows and reads 21.09.2022, English as its system writes dates (see `dateLocale`). The value crosses as a
 * picker value (`YYYY-MM-DD[THH:MM[:SS]]`), so the YAML keeps ISO. Typing is read on Enter or on leaving the
 * field; an impossible day is named, never rolled over. ↑/↓ move the day; the calendar button opens the
 * browser's own picker as the popup.
 */
import { useContext, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { AppInfoContext } from './app-info-context';
import './date-field.css';
import { addDays, dateLocale, dateOrder, type DateFieldReading, formatDateField, parseDateField } from './date-value';

/** Props: the picker value ('' for none), its kind, and where a new value goes. */
export interface DateFieldProps {
  id: string;
  /** The field's label, for the calendar button's name. */
  label: string;
  value: string;
  kind: 'date' | 'datetime';
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
  onCommit(input: string): void;
}

/** The locale of the app's date fields (language and system from the app's context). */
export function useDateLocale(): string {
  const { language } = useI18n();
  const info = useContext(AppInfoContext);
  return dateLocale(language, info?.systemLanguage);
}

/** The field. */
export function DateField({ id, label, value, kind, describedBy, invalid, required, onCommit }: DateFieldProps) {
  const { t } = useI18n();
  const locale = useDateLocale();
  const shown = formatDateField(value, locale);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const native = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  const letters = { day: t('dateField.dd'), month: t('dateField.mm'), year: t('dateField.yyyy') };
  const { parts, separator } = dateOrder(locale);
  const pattern = parts.map((p) => letters[p]).join(separator) + (kind === 'datetime' ? ` ${t('dateField.hhmm')}` : '');

  const words = (reading: Exclude<DateFieldReading, { ok: true }>, text: string): string => {
    if (reading.reason === 'no-month') return t('dateField.noMonth', { month: String(reading.month) });
    if (reading.reason === 'no-day') {
      const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, reading.month - 1, 1)));
      return t('dateField.noDay', { day: String(reading.day), month, year: String(reading.year) });
    }
    if (reading.reason === 'no-time') return t('dateField.noTime', { time: reading.time });
    return t('dateField.notADate', { text, pattern });
  };

  const commit = (text: string) => {
    if (text.trim() === '') {
      setDraft(null);
      setError(null);
      if (value !== '' && !required) onCommit('');
      return;
    }
    const reading = parseDateField(text, locale, kind);
    if (!reading.ok) {
      setError(words(reading, text.trim()));
      return;
    }
    setDraft(null);
    setError(null);
    if (reading.input !== value) onCommit(reading.input);
  };

  const spoken = value ? new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`)) : '';
  const described = [describedBy, hintId, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="date-field">
      <div className="date-field-row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="text-input date-field-input"
          placeholder={pattern}
          aria-describedby={described}
          aria-invalid={invalid || error !== null || undefined}
          value={draft ?? shown}
          onChange={(e) => {
            setDraft(e.target.value);
            if (error) setError(null);
          }}
          onBlur={() => {
            if (draft !== null) commit(draft);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft !== null) commit(draft);
            else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !e.altKey && draft === null && value) {
              e.preventDefault();
              onCommit(addDays(value, e.key === 'ArrowUp' ? 1 : -1));
            }
          }}
        />
        <button
          type="button"
          className="button small date-field-calendar"
          aria-label={t('dateField.calendar', { label })}
          title={t('dateField.calendar', { label })}
          onClick={() => {
            try {
              native.current?.showPicker();
            } catch {
              native.current?.focus();
            }
          }}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
            <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
          </svg>
        </button>
        {/* The browser's picker is only the popup: its value goes through the same commit. */}
        <input
          ref={native}
          type={kind === 'date' ? 'date' : 'datetime-local'}
          step={kind === 'datetime' ? 1 : undefined}
          className="date-field-native"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          onChange={(e) => {
            if (e.target.value) {
              setDraft(null);
              setError(null);
              onCommit(e.target.value.length === 16 && value.length === 19 ? `${e.target.value}:00` : e.target.value);
            }
          }}
        />
      </div>
      <p id={hintId} className="field-hint date-field-hint">
        {spoken ? `${spoken} · ` : ''}
        {t('dateField.format', { pattern })}
      </p>
      {error ? (
        <p id={errorId} className="field-error date-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
