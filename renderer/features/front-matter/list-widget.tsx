/**
 * A list in the front matter (authors, tags, categories, avatars): add, remove and reorder with buttons and
 * with the keyboard (Alt+↑/↓ or Alt+←/→ moves the focused item, Delete removes it), suggestions from the values
 * the site already uses. Every change is one commit, so one undo step.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';

/** Props: the items as text, how to show them, and where a new list goes. */
export interface ListWidgetProps {
  id: string;
  label: string;
  items: string[];
  onChange(items: string[]): void;
  /** 'rows' for ordered lists (authors), 'chips' for sets (tags). */
  variant: 'rows' | 'chips';
  suggestions?: readonly string[];
  describedBy?: string;
  /** Shown before an item's text (a thumbnail). */
  renderItem?: (item: string) => ReactNode;
  /** Replaces the text field for adding (e.g. an image picker button). */
  addControl?: ReactNode;
}

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** The list widget. */
export function ListWidget({ id, label, items, onChange, variant, suggestions = [], describedBy, renderItem, addControl }: ListWidgetProps) {
  const { t } = useI18n();
  const [fresh, setFresh] = useState('');
  const listId = useId();
  const hintId = useId();
  const itemRefs = useRef<Array<HTMLLIElement | null>>([]);
  /** Where the keyboard goes once the list shows the change (the text is read back a moment later). */
  const pendingFocus = useRef<{ expect: string; index: number } | null>(null);
  const itemsKey = JSON.stringify(items);

  // After a move or removal, keep the keyboard where the user was working.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.expect !== itemsKey) return;
    pendingFocus.current = null;
    itemRefs.current[Math.min(pending.index, items.length - 1)]?.focus();
  }, [itemsKey, items.length]);

  const change = (next: string[], focus: number | null) => {
    pendingFocus.current = focus === null || next.length === 0 ? null : { expect: JSON.stringify(next), index: focus };
    onChange(next);
  };
  const moveItem = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    change(move(items, from, to), to);
  };
  const remove = (index: number) => {
    change(
      items.filter((_, i) => i !== index),
      Math.min(index, items.length - 2),
    );
  };
  const add = () => {
    const v = fresh.trim();
    if (!v) return;
    onChange([...items, v]);
    setFresh('');
  };
  const offered = suggestions.filter((s) => !items.includes(s));

  return (
    <div className={`fm-list fm-list-${variant}`}>
      <ul className="fm-list-items" aria-label={label} aria-describedby={items.length > 1 ? hintId : undefined}>
        {items.map((item, i) => (
          <li
            key={`${i}:${item}`}
            ref={(el) => {
              itemRefs.current[i] = el;
            }}
            className="fm-list-item"
            tabIndex={0}
            aria-label={item}
            onKeyDown={(e) => {
              if (e.target !== e.currentTarget) return;
              const back = e.key === 'ArrowUp' || e.key === 'ArrowLeft';
              const forward = e.key === 'ArrowDown' || e.key === 'ArrowRight';
              if (e.altKey && (back || forward)) {
                e.preventDefault();
                moveItem(i, back ? i - 1 : i + 1);
              } else if (!e.altKey && (back || forward)) {
                e.preventDefault();
                itemRefs.current[back ? i - 1 : i + 1]?.focus();
              } else if (e.key === 'Delete' || e.key === 'Backspace') {
                e.preventDefault();
                remove(i);
              }
            }}
          >
            {renderItem ? renderItem(item) : null}
            <span className="fm-list-text" title={item}>
              {item}
            </span>
            {variant === 'rows' || renderItem ? (
              <>
                <button type="button" className="fm-mini" disabled={i === 0} onClick={() => moveItem(i, i - 1)} aria-label={t('frontMatter.moveUp', { item })} title={t('frontMatter.moveUp', { item })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="fm-mini"
                  disabled={i === items.length - 1}
                  onClick={() => moveItem(i, i + 1)}
                  aria-label={t('frontMatter.moveDown', { item })}
                  title={t('frontMatter.moveDown', { item })}
                >
                  ↓
                </button>
              </>
            ) : null}
            <button type="button" className="fm-mini fm-remove" onClick={() => remove(i)} aria-label={t('frontMatter.removeFrom', { item, label })} title={t('frontMatter.removeFrom', { item, label })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {items.length > 1 ? (
        <p id={hintId} className="visually-hidden">
          {t('frontMatter.listKeys')}
        </p>
      ) : null}
      {addControl ?? (
        <div className="fm-inline">
          <input
            id={id}
            className="text-input"
            aria-label={t('frontMatter.addTo', { label })}
            aria-describedby={describedBy}
            list={offered.length > 0 ? listId : undefined}
            value={fresh}
            placeholder={t('frontMatter.addPlaceholder')}
            onChange={(e) => setFresh(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          {offered.length > 0 ? (
            <datalist id={listId}>
              {offered.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          ) : null}
          <button type="button" className="button small" onClick={add} disabled={!fresh.trim()} aria-label={t('frontMatter.addEntryTo', { label })}>
            {t('frontMatter.add')}
          </button>
        </div>
      )}
    </div>
  );
}
