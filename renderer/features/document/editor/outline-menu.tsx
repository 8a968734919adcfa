/** The "Outline" button with the post's headings; choosing one puts the cursor there and scrolls it into view. */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { outlineOf } from './outline';

/** Props: the text to outline and what to do with the chosen heading's line. */
export interface OutlineMenuProps {
  text: string;
  onJump(line: number): void;
}

/** A disclosure button and a navigation list of headings, indented by level. */
export function OutlineMenu({ text, onJump }: OutlineMenuProps) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(text);
  const headings = useMemo(() => (open ? outlineOf(deferred) : []), [open, deferred]);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="outline"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('.outline-toggle')?.focus();
        }
      }}
    >
      <button type="button" className="button small ghost outline-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <OutlineIcon />
        {t('editor.outline')}
      </button>
      {open ? (
        <nav id={id} className="outline-popup" aria-label={t('editor.outline')}>
          {headings.length === 0 ? (
            <p className="outline-empty muted">{t('editor.outlineEmpty')}</p>
          ) : (
            <ul className="outline-list">
              {headings.map((h) => (
                <li key={`${h.line}`} className={`outline-level-${Math.min(h.level, 4)}`}>
                  <button
                    type="button"
                    className="outline-item"
                    title={t('editor.outlineJump', { heading: h.text })}
                    onClick={() => {
                      setOpen(false);
                      onJump(h.line);
                    }}
                  >
                    {h.text || '#'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
      ) : null}
    </div>
  );
}

function OutlineIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true">
      <path d="M4 6h16M8 12h12M8 18h12M4 12h.01M4 18h.01" />
    </svg>
  );
}
