/**
 * The offer under an open post's header to rename its file after the title changed, while the post is not committed:
 * "Rename the file to match the title? 2024-03-12-new-slug.md — English and German together" [Rename] [Keep the
 * name]. Not a dialog: writing goes on while it is shown. Renaming moves every language of a release together.
 */
import { useEffect, useId, useMemo, useReducer, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PostEntry, SiteSummary } from '../../../shared/contract/models';
import { type PostPair, pairOfPath } from '../../../shared/site/post-pairs';
import { useApi } from '../../api/api-context';
import { ErrorDetail, errorHeadline } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import { namingMember, noneCommitted, type RenamePlan, renamePlan } from './rename-plan';
import './rename-offer.css';

/**
 * The title each release had when first shown, or when the user chose to keep its name, by site and path of the file
 * whose title names it: the offer appears only once the title is saved differently, and survives tab switches.
 */
const keptTitles = new Map<string, string>();
const keyOf = (site: string, path: string) => `${site}\n${path}`;

/** What the offer needs: the site, the open post, the site's releases with their translations, and how tabs follow a move. */
export interface RenameOfferProps {
  site: Pick<SiteSummary, 'root' | 'defaultLanguage'>;
  /** The open post as listed (its title as saved). */
  post: PostEntry;
  pairs: readonly PostPair[];
  /** A save of the open post is running: renaming waits. */
  saving: boolean;
  /** An open tab follows its file to the new name (unsaved text, cursor and undo kept). */
  onMove(from: string, to: string): void;
  /** The files were renamed: list the posts again. */
  onRenamed(): void;
}

type Phase = { kind: 'idle' } | { kind: 'renaming' } | { kind: 'failed'; error: AppError; fileName: string };

/** Whether every file of `plan` is new to the site's repository (asked once per plan). */
function useFree(site: string, plan: RenamePlan | null, wanted: boolean): boolean {
  const api = useApi();
  const key = plan && wanted ? plan.moves.map((m) => m.from).join('\n') : null;
  const [answer, setAnswer] = useState<{ key: string; free: boolean } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    void api['git.status']({ site }).then((r) => {
      // No repository, or git cannot tell: the site may be published from these files, so no offer (better than a
      // rename of a published post).
      const free = r.ok ? noneCommitted(key.split('\n'), r.value) : false;
      if (live) setAnswer({ key, free });
    });
    return () => {
      live = false;
    };
  }, [api, site, key]);
  return !!key && answer?.key === key && answer.free;
}

/** The offer, or nothing while the file name fits the title, the title is the one kept, or the post is committed. */
export function RenameOffer({ site, post, pairs, saving, onMove, onRenamed }: RenameOfferProps) {
  const { t, language, languageName } = useI18n();
  const api = useApi();
  const questionId = useId();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const members = useMemo(() => pairOfPath(pairs, post.path)?.members ?? [post], [pairs, post]);
  const lead = namingMember(members, site);
  const plan = useMemo(() => renamePlan(members, site), [members, site]);
  const key = lead ? keyOf(site.root, lead.path) : null;
  // First seen: the title the release has now is the one its name was chosen for (or kept with).
  useEffect(() => {
    if (key && lead && !keptTitles.has(key)) keptTitles.set(key, lead.title);
  }, [key, lead]);
  const wanted = !!plan && !!key && !!lead && keptTitles.has(key) && keptTitles.get(key) !== lead.title;
  const free = useFree(site.root, plan, wanted);
  if (!plan || !lead || !key || !wanted || !free) return null;

  const rename = async () => {
    setPhase({ kind: 'renaming' });
    const r = await api['post.rename']({ site: site.root, moves: plan.moves });
    if (!r.ok) {
      setPhase({ kind: 'failed', error: r.error, fileName: plan.fileName });
      return;
    }
    const moved = plan.moves.find((m) => m.from === lead.path);
    if (moved) keptTitles.set(keyOf(site.root, moved.to), lead.title);
    keptTitles.delete(key);
    for (const m of plan.moves) onMove(m.from, m.to);
    onRenamed();
  };
  const keep = () => {
    keptTitles.set(key, lead.title);
    setPhase({ kind: 'idle' });
    rerender();
  };

  const named = plan.languages.filter((l): l is string => !!l).map((l) => languageName(l));
  const together = named.length > 1 ? ` — ${t('rename.together', { languages: new Intl.ListFormat(language, { type: 'conjunction' }).format(named) })}` : '';
  // A failure concerns the name it was tried with; a newer title starts afresh.
  const failure = phase.kind === 'failed' && phase.fileName === plan.fileName ? phase.error : null;
  const failedFolder = plan.moves.find((m) => failure?.path?.endsWith(m.to))?.to ?? plan.moves[0].to;
  return (
    <section className="alert rename-offer document-banner" aria-labelledby={questionId}>
      <Icon name="file" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-title" id={questionId}>
          {t('rename.question')}
        </p>
        <p className="rename-detail">
          <span className="rename-file">{plan.fileName}</span>
          {together}
        </p>
        <div role="alert">
          {failure?.code === 'exists' ? (
            <p className="rename-failure">{t('rename.exists', { name: plan.fileName, folder: failedFolder.slice(0, failedFolder.lastIndexOf('/')) })}</p>
          ) : failure?.code === 'refused' ? (
            <p className="rename-failure">{t('rename.refused')}</p>
          ) : failure ? (
            <>
              <p className="rename-failure">{`${t('rename.failed')} ${errorHeadline(failure, t)}`}</p>
              <ErrorDetail error={failure} />
            </>
          ) : null}
        </div>
        <div className="banner-actions">
          <button
            type="button"
            className="button small primary"
            disabled={saving || phase.kind === 'renaming'}
            aria-label={phase.kind === 'renaming' ? undefined : t('rename.renameLabel', { name: plan.fileName })}
            onClick={() => void rename()}
          >
            {phase.kind === 'renaming' ? t('rename.renaming') : t('rename.rename')}
          </button>
          <button type="button" className="button small" disabled={phase.kind === 'renaming'} onClick={keep}>
            {t('rename.keep')}
          </button>
        </div>
      </div>
    </section>
  );
}
