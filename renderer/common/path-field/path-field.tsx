/**
 * A folder path field with suggestions from `fs.completePath` as the user types (browser mode has no native
 * folder picker). An ARIA combobox: arrow keys move through the suggestions, Enter or Tab takes one, Escape closes.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { PathCompletion } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { Icon } from '../icons';
import { useDebounced } from '../use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { acceptedValue } from './accepted-value';
import './path-field.css';

/** How long typing must pause before suggestions are asked for. */
export const COMPLETION_DELAY_MS = 150;

/** Props of the path field; `label` is its accessible name. */
export interface PathFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Enter without a highlighted suggestion. */
  onSubmit?(): void;
  placeholder?: string;
  disabled?: boolean;
  describedBy?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

/** The field with its suggestion list. */
export function PathField({ label, value, onChange, onSubmit, placeholder, disabled, describedBy, inputRef, autoFocus }: PathFieldProps) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const [suggestions, setSuggestions] = useState<PathCompletion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [touched, setTouched] = useState(false);
  const query = useDebounced(value, COMPLETION_DELAY_MS);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!touched || !query) {
      setSuggestions([]);
      return;
    }
    let current = true;
    void api['fs.completePath']({ partial: query }).then((r) => {
      if (!current) return;
      const list = r.ok ? r.value.filter((c) => c.path !== query) : [];
      setSuggestions(list);
      setActive(-1);
      setOpen(list.length > 0);
    });
    return () => {
      current = false;
    };
  }, [api, query, touched]);

  useEffect(() => {
    if (active < 0) return;
    const el = listRef.current?.children[active] as HTMLElement | undefined;
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const expanded = open && suggestions.length > 0;
  const accept = (choice: PathCompletion) => {
    onChange(acceptedValue(choice));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!suggestions.length) return;
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : suggestions.length - 1);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + suggestions.length) % suggestions.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (expanded && active >= 0) accept(suggestions[active]);
      else {
        setOpen(false);
        onSubmit?.();
      }
    } else if (e.key === 'Tab' && expanded && !e.shiftKey) {
      const choice = suggestions[active >= 0 ? active : 0];
      if (choice) {
        e.preventDefault();
        accept(choice);
      }
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="path-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="input-with-icon">
        <Icon name="folder" className="input-icon" />
        <input
          id={id}
          ref={inputRef}
          className="text-input path-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          autoFocus={autoFocus}
          placeholder={placeholder}
          disabled={disabled}
          value={value}
          onChange={(e) => {
            setTouched(true);
            onChange(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(suggestions.length > 0)}
        />
      </div>
      <ul id={listId} ref={listRef} role="listbox" aria-label={t('completion.suggestions')} className="suggestions" hidden={!expanded}>
        {suggestions.map((s, i) => (
          <li
            key={s.path}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'suggestion active' : 'suggestion'}
            onMouseDown={(e) => {
              e.preventDefault();
              accept(s);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <Icon name={s.isSite ? 'site' : 'folder'} className="suggestion-icon" />
            <span className="suggestion-path">{s.path}</span>
            {s.isSite ? <span className="badge badge-accent">{t('completion.site')}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
