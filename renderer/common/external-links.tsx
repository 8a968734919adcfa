/**
 * Every web or mail link the app shows goes through one question ("Open this link in your browser?") and then
 * `shell.openExternal`, so a click never navigates the app window away or opens something unexpected.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useId, useMemo, useState } from 'react';
import type { AppError } from '../../shared/contract/errors';
import { useApi } from '../api/api-context';
import { ErrorAlert } from './error-alert';
import { Modal } from './modal';
import { useI18n } from '../i18n/i18n-context';

/** True for the links the app may hand to the browser or mail program (main checks again). */
export function isExternalHref(href: string | null | undefined): href is string {
  return typeof href === 'string' && /^(https?:\/\/|mailto:)/i.test(href.trim());
}

const LinkContext = createContext<(url: string) => void>(() => undefined);

/** Asks before opening; also catches clicks on any external <a> rendered anywhere in the app. */
export function LinkProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { t } = useI18n();
  const titleId = useId();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const ask = useCallback((url: string) => {
    setError(null);
    setPending(url);
  }, []);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor) return;
      const href = anchor.getAttribute('href');
      event.preventDefault();
      if (isExternalHref(href)) ask(href.trim());
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [ask]);

  const confirm = async () => {
    if (!pending) return;
    const r = await api['shell.openExternal']({ url: pending });
    if (!r.ok) setError(r.error);
    else if (!r.value.opened) setError({ code: 'not-supported', message: t('link.failed') });
    else setPending(null);
  };

  const value = useMemo(() => ask, [ask]);
  return (
    <LinkContext.Provider value={value}>
      {children}
      {pending ? (
        <Modal role="alertdialog" labelledBy={titleId} onClose={() => setPending(null)} className="confirm-dialog">
          <div className="modal-body">
            <h2 id={titleId} className="modal-title">
              {t('link.confirmTitle')}
            </h2>
            <p className="link-target">{pending}</p>
            <ErrorAlert error={error} />
            <div className="modal-actions">
              <button type="button" className="button" onClick={() => setPending(null)}>
                {t('link.cancel')}
              </button>
              <button type="button" className="button primary" onClick={() => void confirm()} autoFocus>
                {t('link.open')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
    </LinkContext.Provider>
  );
}

/** A link to a web page or mail address that asks before leaving the app. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const ask = useContext(LinkContext);
  return (
    <a
      href={href}
      className="external-link"
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        ask(href);
      }}
    >
      {children}
    </a>
  );
}

/** The link gate itself, for links the app cannot render as ExternalLink (e.g. inside the preview frame). */
export function useExternalLinkGate(): (url: string) => void {
  return useContext(LinkContext);
}
