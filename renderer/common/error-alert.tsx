/** Shows an AppError in plain words (the catalogue's message for its code) with the error's own text and path as detail. */
import type { AppError } from '../../shared/contract/errors';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n-context';
import { Icon } from './icons';

/** The sentence for an error code; every code has one, so the user never sees a bare code. */
export function errorHeadline(error: AppError, t: (key: MessageKey) => string): string {
  return t(`error.${error.code}` as MessageKey);
}

/** The detail under the headline: the error's own message and where it happened, without repeating the headline. */
export function ErrorDetail({ error }: { error: AppError }) {
  const { t } = useI18n();
  const where = error.path ? (error.line ? `${error.path}, ${t('error.line', { line: error.line })}` : error.path) : null;
  return (
    <>
      {error.message && error.message !== errorHeadline(error, t) ? <p className="error-detail">{error.message}</p> : null}
      {where ? <p className="error-path">{where}</p> : null}
    </>
  );
}

/**
 * A live region that is always present (so screen readers announce changes) and shows the error, if any,
 * with a way to dismiss it. Nothing else on the screen changes when an error appears.
 */
export function ErrorAlert({ error, onDismiss, className }: { error: AppError | null; onDismiss?: () => void; className?: string }) {
  const { t } = useI18n();
  return (
    <div role="alert" className={`alert-region ${className ?? ''}`}>
      {error ? (
        <div className="alert alert-error">
          <Icon name="alert" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-title">{errorHeadline(error, t)}</p>
            <ErrorDetail error={error} />
          </div>
          {onDismiss ? (
            <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('error.dismiss')} title={t('error.dismiss')}>
              <Icon name="close" />
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
