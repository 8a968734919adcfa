/** The "Recent sites" list of the first screen: reopen a site with one click, or remove it from the list. */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { RecentSite } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';

/** Props: what opening a site means is the app's business; errors go to the screen's one alert region. */
export interface RecentSitesProps {
  onOpen(path: string): void;
  onError(error: AppError): void;
  disabled?: boolean;
}

/** Loads the list once and keeps it in step with removals. */
export function RecentSites({ onOpen, onError, disabled }: RecentSitesProps) {
  const api = useApi();
  const { t, moment } = useI18n();
  const [sites, setSites] = useState<RecentSite[] | null>(null);

  useEffect(() => {
    let current = true;
    void api['recent.list']({}).then((r) => {
      if (!current) return;
      if (r.ok) setSites(r.value);
      else {
        setSites([]);
        onError(r.error);
      }
    });
    return () => {
      current = false;
    };
    // The list is read once per visit of the first screen; onError only reports.
  }, [api]);

  const remove = async (path: string) => {
    const r = await api['recent.remove']({ path });
    if (r.ok) setSites(r.value);
    else onError(r.error);
  };

  const headingId = 'recent-sites-heading';
  return (
    <section className="recent">
      <h2 id={headingId} className="section-title">
        {t('welcome.recent')}
      </h2>
      {sites && sites.length === 0 ? <p className="muted empty-note">{t('welcome.recentEmpty')}</p> : null}
      <ul role="list" className="recent-list" aria-labelledby={headingId}>
        {(sites ?? []).map((site, i) => (
          <li key={site.path} className={site.exists ? 'recent-item' : 'recent-item missing'}>
            <button
              type="button"
              className="recent-open"
              onClick={() => onOpen(site.path)}
              disabled={disabled}
              aria-label={t('welcome.recentOpen', { name: site.name })}
              aria-describedby={`recent-meta-${i}`}
              title={site.path}
            >
              <Icon name="site" className="recent-icon" />
              <span className="recent-text">
                <span className="recent-name">{site.name}</span>
                <span className="recent-path">{site.path}</span>
                <span className="recent-meta" id={`recent-meta-${i}`}>
                  {site.exists ? (
                    t('welcome.recentOpenedAt', { date: moment(site.openedAt) })
                  ) : (
                    <span className="badge badge-warn">
                      <Icon name="alert" />
                      {t('welcome.recentMissing')}
                    </span>
                  )}
                </span>
              </span>
            </button>
            <button
              type="button"
              className="icon-button recent-remove"
              onClick={() => void remove(site.path)}
              aria-label={t('welcome.recentRemove', { name: site.name })}
              title={t('welcome.recentRemoveShort')}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
