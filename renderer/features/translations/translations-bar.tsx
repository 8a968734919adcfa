/**
 * The open post's translations, under its heading: each other language of the site as what can be done with it now:
 * show a translation side by side, make a symlinked one ("same text as English") a copy of its own to translate,
 * or add a missing one. Asks before replacing a link; says in plain words what went wrong.
 */
import { useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { PostEntry } from '../../../shared/contract/models';
import type { PostPair } from '../../../shared/site/post-pairs';
import { useApi } from '../../api/api-context';
import { ChoiceDialog } from '../../common/choice-dialog';
import { ErrorDetail, errorHeadline } from '../../common/error-alert';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';
import './translations.css';

/** Props: the site, the open post and its pair, which post is beside it, and what the shell does after a change. */
export interface TranslationsBarProps {
  site: string;
  post: PostEntry;
  pair: PostPair | null;
  /** The path shown beside the post now (null: the preview). */
  beside: string | null;
  /** Shows a translation beside the post (null: the preview again). */
  onShowBeside(post: PostEntry | null): void;
  /** A file was replaced by a copy: an open tab of it reads it again. */
  onReplaced(path: string): void;
  /** Lists the posts again after a file was added or replaced. */
  onPostsChanged(): void;
}

/** One other language of the release and its state. */
type Other = { language: string; kind: 'present'; post: PostEntry } | { language: string; kind: 'same'; post: PostEntry } | { language: string; kind: 'missing' };

/** The languages of the pair other than the post's own, in the site's order (members first, then the missing ones). */
export function othersOf(post: PostEntry, pair: PostPair | null): Other[] {
  if (!pair || !post.language) return [];
  const others: Other[] = [];
  for (const member of pair.members) {
    if (member.path === post.path || !member.language || member.language === post.language) continue;
    others.push({ language: member.language, kind: member.symlinkTarget ? 'same' : 'present', post: member });
  }
  for (const language of pair.missing) if (language !== post.language) others.push({ language, kind: 'missing' });
  return others;
}

/** What failed, for the alert: which sentence and the error. */
interface Failure {
  message: string;
  error: AppError;
}

/** The row of translations in the document header (nothing when the post has no other language and is no link). */
export function TranslationsBar({ site, post, pair, beside, onShowBeside, onReplaced, onPostsChanged }: TranslationsBarProps) {
  const api = useApi();
  const { t, languageName } = useI18n();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<PostEntry | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const others = othersOf(post, pair);
  if (others.length === 0 && !post.symlinkTarget && !failure) return null;
  const name = (code: string | null) => (code ? languageName(code) : '');

  /** Shows the post at `path` beside, as the list has it on disk now. */
  const showPath = async (path: string) => {
    const entry = await api['site.post']({ site, path });
    if (entry.ok) onShowBeside(entry.value);
  };

  const add = async (language: string) => {
    setBusy(true);
    setFailure(null);
    const r = await api['post.addTranslation']({ site, path: post.path, language });
    if (!r.ok) setFailure({ message: t('pairs.addFailed', { language: name(language) }), error: r.error });
    else {
      onPostsChanged();
      await showPath(r.value.path);
    }
    setBusy(false);
  };

  const translate = async (member: PostEntry) => {
    setAsking(null);
    setBusy(true);
    setFailure(null);
    const r = await api['post.translate']({ site, path: member.path });
    if (!r.ok) setFailure({ message: t('pairs.translateFailed', { language: name(member.language) }), error: r.error });
    else {
      onReplaced(r.value.path);
      onPostsChanged();
      if (member.path !== post.path) await showPath(r.value.path);
    }
    setBusy(false);
  };

  const translateButton = (member: PostEntry) => (
    <button type="button" className="button small" disabled={busy} onClick={() => setAsking(member)} aria-label={t('pairs.translateLabel', { language: name(member.language) })}>
      {t('pairs.translate')}
    </button>
  );

  return (
    <div className="translations-bar" role="group" aria-label={t('pairs.row')}>
      {post.symlinkTarget ? translateButton(post) : null}
      {others.map((other) =>
        other.kind === 'present' ? (
          <button
            key={other.language}
            type="button"
            className={`button small ${beside === other.post.path ? '' : 'ghost'}`}
            aria-pressed={beside === other.post.path}
            disabled={busy}
            onClick={() => onShowBeside(beside === other.post.path ? null : other.post)}
          >
            <Icon name="file" />
            {t('pairs.sideBySide', { language: name(other.language) })}
          </button>
        ) : other.kind === 'same' ? (
          <span key={other.language} className="translations-same">
            <span className="badge badge-link" title={other.post.symlinkTarget ?? undefined}>
              <Icon name="link" />
              {other.post.symlinkLanguage
                ? t('pairs.same', { language: name(other.language), source: name(other.post.symlinkLanguage) })
                : t('pairs.sameUnknown', { language: name(other.language) })}
            </span>
            {translateButton(other.post)}
          </span>
        ) : (
          <button key={other.language} type="button" className="button small ghost" disabled={busy} onClick={() => void add(other.language)}>
            {t('pairs.add', { language: name(other.language) })}
          </button>
        ),
      )}
      {busy ? (
        <span className="muted translations-busy" role="status">
          {t('pairs.working')}
        </span>
      ) : null}
      {failure ? (
        <div className="alert alert-error translations-error" role="alert">
          <Icon name="alert" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-title">{failure.message}</p>
            <p>{errorHeadline(failure.error, t)}</p>
            <ErrorDetail error={failure.error} />
          </div>
          <button type="button" className="icon-button" onClick={() => setFailure(null)} aria-label={t('error.dismiss')} title={t('error.dismiss')}>
            <Icon name="close" />
          </button>
        </div>
      ) : null}
      {asking ? (
        <ChoiceDialog
          title={t('pairs.translateTitle', { language: name(asking.language) })}
          onClose={() => setAsking(null)}
          choices={[
            { label: t('pairs.cancel'), onChoose: () => setAsking(null), ghost: true },
            { label: t('pairs.makeCopy'), onChoose: () => void translate(asking), primary: true },
          ]}
        >
          <p>
            {asking.symlinkLanguage
              ? t('pairs.translateText', { language: name(asking.language), source: name(asking.symlinkLanguage) })
              : t('pairs.translateTextUnknown', { language: name(asking.language) })}
          </p>
        </ChoiceDialog>
      ) : null}
    </div>
  );
}
