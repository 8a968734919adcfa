/**
 * A small virtualised listbox: rows have one fixed height and only the visible ones (plus a few) are in the DOM,
 * so ten thousand posts scroll as smoothly as ten. Keyboard: arrows, Page Up/Down, Home/End move, Enter opens.
 */
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { moveActive, scrollToReveal, visibleRange } from './virtual-range';

/** Props of the list; `label` is the listbox's accessible name. Each option is named by its visible content, so what a screen reader says is what the row shows. */
export interface VirtualListProps<T> {
  id: string;
  label: string;
  items: readonly T[];
  rowHeight: number;
  getKey(item: T): string;
  renderRow(item: T, index: number): ReactNode;
  /** Index of the row the keyboard is on (-1 for none). */
  active: number;
  onActiveChange(index: number): void;
  /** The row that is open (aria-selected), if it is in the list. */
  selectedKey: string | null;
  onActivate(item: T, index: number): void;
  className?: string;
}

/** The list. Rows are positioned absolutely inside a spacer as tall as all rows together. */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { id, label, items, rowHeight, getKey, renderRow, active, onActiveChange, selectedKey, onActivate, className } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight || 600);
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // When the list changes under the scroll position (a new filter), keep the position valid.
  useEffect(() => {
    const el = ref.current;
    if (el && el.scrollTop > items.length * rowHeight) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [items, rowHeight]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || active < 0) return;
    const top = scrollToReveal(active, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== null) {
      el.scrollTop = top;
      setScrollTop(top);
    }
  }, [active, rowHeight]);

  const { start, end } = visibleRange(scrollTop, height, rowHeight, items.length);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    const key = getKey(item);
    const optionId = `${id}-opt-${i}`;
    const selected = key === selectedKey;
    const classes = ['vrow', i === active ? 'active' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
    rows.push(
      <div
        key={key}
        id={optionId}
        role="option"
        aria-selected={selected}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        className={classes}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
        onClick={() => {
          onActiveChange(i);
          onActivate(item, i);
        }}
      >
        {renderRow(item, i)}
      </div>,
    );
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      if (active >= 0 && active < items.length) {
        e.preventDefault();
        onActivate(items[active], active);
      }
      return;
    }
    const next = moveActive(e.key, active, items.length, Math.floor(height / rowHeight));
    if (next !== null) {
      e.preventDefault();
      onActiveChange(next);
    }
  };

  return (
    <div
      ref={ref}
      id={id}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={active >= 0 && active < items.length ? `${id}-opt-${active}` : undefined}
      className={`vlist ${className ?? ''}`}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (active < 0 && items.length > 0) onActiveChange(0);
      }}
    >
      <div className="vlist-spacer" role="presentation" style={{ height: items.length * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
