/** A modal dialog on the native <dialog>: the page behind is inert, Escape closes it, focus returns where it was. */
import { type ReactNode, useEffect, useRef } from 'react';

/** Props of a modal: its accessible name comes from the element with `labelledBy`. */
export interface ModalProps {
  labelledBy: string;
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/** Opens as a modal when mounted and closes when unmounted. */
export function Modal({ labelledBy, describedBy, role = 'dialog', onClose, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const latestClose = useRef(onClose);
  useEffect(() => {
    latestClose.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const onCancel = (event: Event) => {
      event.preventDefault();
      latestClose.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`modal ${className ?? ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          latestClose.current();
        }
      }}
      onClick={(e) => {
        if (e.target === ref.current) latestClose.current();
      }}
    >
      {children}
    </dialog>
  );
}
