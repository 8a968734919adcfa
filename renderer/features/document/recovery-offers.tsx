/**
 * Offers back the text a crash, a killed process, a reload or a closed tab left unsaved: one banner per
 * document, "Recovered unsaved changes from <time>", with Restore (into the editor as unsaved changes; the
 * file is written only when the user saves), Compare (side by side with the file on disk) and Discard.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { PostEntry, RecoveredDocument } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { CompareView } from '../../common/compare/compare-view';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { restoreText } from './restore-text';
import type { Workspace } from './use-document-workspace';
import './recovery.css';

/** The recovered documents of a site, read once when it opens, and what the user can do with each. */
export function useRecoveryOffers(workspace: Workspace, postFor: (path: string) => PostEntry) {
  const api = useApi();
  const site = workspace.site.root;
  const [offers, setOffers] = useState<RecoveredDocument[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api['recovery.list']({ site }).then((r) => {
      if (current && r.ok) setOffers(r.value);
    });
    return () => {
      current = false;
    };
  }, [api, site]);
  const drop = (path: string) => setOffers((list) => list.filter((o) => o.path !== path));

  const restore = useCallback(
    async (offer: RecoveredDocument) => {
      setFailed(null);
      // The kept entry stays until the text is saved: the recovery writer keeps it while it is unsaved.
      const done = await restoreText(workspace.store, () => workspace.viewRef.current, postFor(offer.path), offer.text, offer.baseVersion);
      if (done) drop(offer.path);
      else setFailed(offer.path);
    },
    [workspace, postFor],
  );

  const discard = useCallback(
    async (offer: RecoveredDocument) => {
      const r = await api['recovery.discard']({ site, path: offer.path });
      if (r.ok) drop(offer.path);
    },
    [api, site],
  );
  return { offers, failed, restore, discard };
}

/** The banners, above the open documents. */
export function RecoveryOffers({ workspace, postFor }: { workspace: Workspace; postFor: (path: string) => PostEntry }) {
  const { offers, failed, restore, discard } = useRecoveryOffers(workspace, postFor);
  if (offers.length === 0) return null;
  return (
    <div className="recovery-offers">
      {offers.map((offer) => (
        <RecoveryOffer key={offer.path} site={workspace.site.root} offer={offer} failed={failed === offer.path} onRestore={restore} onDiscard={discard} />
      ))}
    </div>
  );
}

interface OfferProps {
  site: string;
  offer: RecoveredDocument;
  failed: boolean;
  onRestore(offer: RecoveredDocument): Promise<void>;
  onDiscard(offer: RecoveredDocument): Promise<void>;
}

/** One recovered document; Compare reads the file on disk now and shows it beside the kept text. */
function RecoveryOffer({ site, offer, failed, onRestore, onDiscard }: OfferProps) {
  const { t, moment } = useI18n();
  const api = useApi();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [disk, setDisk] = useState<string | null>(null);
  const name = offer.path.slice(offer.path.lastIndexOf('/') + 1);
  const when = moment(offer.savedAt);
  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    try {
      await what();
    } finally {
      setBusy(false);
    }
  };
  const toggleCompare = async () => {
    if (disk !== null) return setDisk(null);
    const r = await api['document.read']({ site, path: offer.path });
    setDisk(r.ok ? r.value.text : '');
  };
  return (
    <section className="alert alert-warn document-banner recovery-offer" role="alert" aria-labelledby={titleId}>
      <Icon name="alert" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-title" id={titleId}>
          {t('recovery.title', { time: when })}
        </p>
        <p className="error-detail">{t('recovery.text', { name: offer.path })}</p>
        {offer.diskVersion !== null && offer.diskVersion !== offer.baseVersion ? <p className="error-detail">{t('recovery.fileChanged')}</p> : null}
        {failed ? <p className="error-detail">{t('recovery.failed')}</p> : null}
        <div className="banner-actions">
          <button type="button" className="button small primary" disabled={busy} onClick={() => void act(() => onRestore(offer))}>
            {t('recovery.restore')}
          </button>
          <button type="button" className="button small" disabled={busy} aria-expanded={disk !== null} onClick={() => void act(toggleCompare)}>
            {disk !== null ? t('recovery.hideCompare') : t('recovery.compare')}
          </button>
          <button type="button" className="button small ghost" disabled={busy} onClick={() => void act(() => onDiscard(offer))}>
            {t('recovery.discard')}
          </button>
        </div>
        {disk !== null ? (
          <div className="recovery-compare">
            <CompareView label={name} disk={disk} mine={offer.text} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
