/**
 * A toolbar button that opens a small menu (Export, Insert figure): one implementation of the WAI-ARIA menu button, so
 * every such menu opens with Enter, Space or the arrows, moves with ↑/↓/Home/End, closes with Escape (focus back on the
 * button) or when focus leaves it, and looks the same.
 */
import { type ReactNode, useId, useRef, useState } from 'react';
import './menu-button.css';

/** One entry of the menu: its words, an optional shortcut shown at the right, and what it does. */
export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  run(): void;
}

/** Props: the button's words, the items, and optionally the open state from outside (a desktop menu command opens it). */
export interface MenuButtonProps {
  label: ReactNode;
  /** The menu's accessible name (and the button's tooltip). */
  menuLabel: string;
  items: readonly MenuItem[];
  /** Shown, announced as unavailable, and says why in its tooltip. */
  disabled?: boolean;
  disabledHint?: string;
  open?: boolean;
  onOpenChange?(open: boolean): void;
  /** Anything that belongs with the button (a hidden file input). */
  children?: ReactNode;
}

/** The button and, while open, its menu. */
export function MenuButton({ label, menuLabel, items, disabled = false, disabledHint, open: controlled, onOpenChange, children }: MenuButtonProps) {
  const [own, setOwn] = useState(false);
  const open = controlled ?? own;
  const setOpen = (next: boolean) => {
    if (controlled === undefined) setOwn(next);
    onOpenChange?.(next);
  };
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const move = (to: number) => {
    const n = items.length;
    refs.current[((to % n) + n) % n]?.focus();
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const at = refs.current.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') setOpen(false);
    else return;
    e.preventDefault();
  };

  return (
    <div className="menu-button" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && open && setOpen(false)}>
      <button
        ref={buttonRef}
        type="button"
        className="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={disabled || undefined}
        title={disabled ? disabledHint : menuLabel}
        onClick={() => !disabled && setOpen(!open)}
        onKeyDown={(e) => {
          if (disabled || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
          e.preventDefault();
          setOpen(true);
          requestAnimationFrame(() => move(e.key === 'ArrowUp' ? -1 : 0));
        }}
      >
        {label}
        <span className="menu-caret" aria-hidden="true" />
      </button>
      {open ? (
        <div className="menu-list" role="menu" id={menuId} aria-label={menuLabel} onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              ref={(el) => {
                refs.current[i] = el;
                if (el && i === 0 && !el.ownerDocument.activeElement?.closest('.menu-list')) el.focus();
              }}
              onClick={() => {
                // Focus goes back to the button first, so a dialog opened now returns it there when it closes.
                close(true);
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.shortcut ? <kbd className="menu-shortcut">{item.shortcut}</kbd> : null}
            </button>
          ))}
        </div>
      ) : null}
      {children}
    </div>
  );
}
