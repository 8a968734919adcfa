/** Everything the export shows over the workspace: the export dialog, a note when printing failed or no post is open, and printing's progress. */
import { useId } from 'react';
import { ErrorDetail, errorHeadline } from '../../common/error-alert';
import { Modal } from '../../common/modal';
import { useI18n } from '../../i18n/i18n-context';
import { ExportDialog } from './export-dialog';
import type { Exporter } from './use-export';
import './export.css';

/** Placed once per workspace (as the figures' dialogs are); keyed by request so each opening starts afresh. */
export function ExportDialogs({ exporter }: { exporter: Exporter }) {
  const { t } = useI18n();
  const titleId = useId();
  const { request, notice } = exporter;
  return (
    <>
      {request ? <ExportDialog key={`${request.path}#${request.format}`} exporter={exporter} request={request} /> : null}
      {notice ? (
        <Modal role="alertdialog" labelledBy={titleId} onClose={exporter.closeNotice} className="confirm-dialog">
          <div className="modal-body">
            <h2 id={titleId} className="modal-title">
              {notice.kind === 'no-post' ? t('export.menu.noPost') : t('export.print.failed')}
            </h2>
            {notice.kind === 'print-failed' ? (
              <div>
                <p>{errorHeadline(notice.error, t)}</p>
                <ErrorDetail error={notice.error} />
              </div>
            ) : null}
            <div className="modal-actions">
              <button type="button" className="button primary" ref={(el) => el?.setAttribute('autofocus', '')} onClick={exporter.closeNotice}>
                {t('export.ok')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
      <p className="export-printing" role="status">
        {exporter.printing ? (
          <>
            <span className="spinner" aria-hidden="true" />
            {t('export.print.preparing')}
          </>
        ) : null}
      </p>
    </>
  );
}
