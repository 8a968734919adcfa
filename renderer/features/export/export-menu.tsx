/** The "Export" menu button of the post's toolbar: PDF…, HTML… and Print…, a menu a keyboard can move through. */
import { useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/en';
import { printShortcut, type Exporter } from './use-export';
import './export.css';

type Item = { key: MessageKey; run(exporter: Exporter): void };

const ITEMS: readonly Item[] = [
  { key: 'export.menu.pdf', run: (e) => e.openDialog('pdf') },
  { key: 'export.menu.html', run: (e) => e.openDialog('html') },
  { key: 'export.menu.print', run: (e) => void e.print() },
];

/** The button; without an open post it stays visible but disabled, and says why. */
export function ExportButton({ exporter }: { exporter: Exporter }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  const disabled = !exporter.target;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const move = (to: number) => {
    const n = ITEMS.length;
    items.current[((to % n) + n) % n]?.focus();
  };
  const onMenuKey = (e: React.KeyboardEvent) => {
    const at = items.current.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(ITEMS.length - 1);
    else if (e.key === 'Escape') {
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') setOpen(false);
    else return;
    e.preventDefault();
  };

  return (
    <div className="export-menu" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <button
        ref={buttonRef}
        type="button"
        className="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-disabled={disabled || undefined}
        title={disabled ? t('export.menu.noPost') : t('export.menu.label')}
        onClick={() => !disabled && setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (disabled || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
          e.preventDefault();
          setOpen(true);
          requestAnimationFrame(() => move(e.key === 'ArrowUp' ? -1 : 0));
        }}
      >
        {t('export.menu')}
        <span className="export-caret" aria-hidden="true" />
      </button>
      {open ? (
        <div className="export-list" role="menu" id={menuId} aria-label={t('export.menu.label')} onKeyDown={onMenuKey}>
          {ITEMS.map((item, i) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              ref={(el) => {
                items.current[i] = el;
                if (el && i === 0 && !el.ownerDocument.activeElement?.closest('.export-list')) el.focus();
              }}
              onClick={() => {
                // Focus goes back to the button first, so a dialog opened now returns it there when it closes.
                close(true);
                item.run(exporter);
              }}
            >
              <span>{t(item.key)}</span>
              {item.key === 'export.menu.print' ? <kbd className="export-shortcut">{printShortcut()}</kbd> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
