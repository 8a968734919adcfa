/** One row of the post list: a release with the title and date of the member it opens, and a chip per language. */
import type { PostEntry } from '../../../shared/contract/models';
import type { PostPair } from '../../../shared/site/post-pairs';
import { Icon } from '../../common/icons';
import { postErrorText } from '../../i18n/post-error';
import { useI18n } from '../../i18n/i18n-context';

/** The text for a symlinked post: "Same file as the English post". */
export function useSymlinkText(): (post: Pick<PostEntry, 'symlinkLanguage'>) => string {
  const { t, languageName } = useI18n();
  return (post) => (post.symlinkLanguage ? t('posts.sameFile', { language: languageName(post.symlinkLanguage) }) : t('posts.sameFileUnknown'));
}

/** What a language chip says about one language of a release. */
export interface LanguageChip {
  language: string;
  state: 'present' | 'missing' | 'same';
  /** The member in that language (null when missing). */
  post: PostEntry | null;
}

/** The chips of a pair: the site's languages in their order, then any other language a member has. */
export function languageChips(pair: PostPair, siteLanguages: readonly string[]): LanguageChip[] {
  const chips: LanguageChip[] = [];
  const chipOf = (post: PostEntry): LanguageChip => ({ language: post.language ?? '', state: post.symlinkTarget ? 'same' : 'present', post });
  for (const language of siteLanguages) {
    const post = pair.members.find((m) => m.language === language);
    if (post) chips.push(chipOf(post));
    else if (pair.missing.includes(language)) chips.push({ language, state: 'missing', post: null });
  }
  for (const post of pair.members) if (post.language && !siteLanguages.includes(post.language)) chips.push(chipOf(post));
  return chips;
}

function Chip({ chip, shown }: { chip: LanguageChip; shown: boolean }) {
  const { t, languageName } = useI18n();
  const code = chip.language.toUpperCase();
  const language = languageName(chip.language);
  const source = chip.post?.symlinkLanguage ?? null;
  let text = code;
  let title = language;
  if (chip.state === 'missing') {
    text = t('postList.missing', { code });
    title = t('postList.missingTitle', { language });
  } else if (chip.state === 'same') {
    text = source ? t('postList.same', { code, source: source.toUpperCase() }) : t('postList.sameUnknown', { code });
    title = source ? t('postList.sameTitle', { language, sourceLanguage: languageName(source) }) : t('postList.sameUnknownTitle', { language });
  }
  const classes = ['lang-chip', `lang-chip-${chip.state}`, shown ? 'is-shown' : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} title={title} data-language={chip.language}>
      {chip.state === 'same' ? <Icon name="link" /> : null}
      {text}
    </span>
  );
}

/** Props: the release, the member the row shows (and opens), and the site's languages for the chips. */
export interface PostRowProps {
  pair: PostPair;
  post: PostEntry;
  siteLanguages: readonly string[];
}

/** The row's content; the option around it is named by this text (title, date, category, languages, marks), as it shows. */
export function PostRow({ pair, post, siteLanguages }: PostRowProps) {
  const { t, day } = useI18n();
  const symlinkText = useSymlinkText();
  const chips = languageChips(pair, siteLanguages);
  return (
    <div className="post-row">
      <div className="post-title" title={post.title}>{post.title || t('posts.untitled')}</div>
      <div className="post-meta">
        <span className="post-date">{post.date ? day(post.date) : t('posts.noDate')}</span>
        {post.category ? <span className="post-category">{post.category}</span> : null}
        {chips.map((chip) => (
          <Chip key={chip.language} chip={chip} shown={chip.post === post} />
        ))}
        {!post.language && post.symlinkTarget ? (
          <span className="badge badge-link" title={post.symlinkTarget}>
            <Icon name="link" />
            <span className="badge-text">{symlinkText(post)}</span>
          </span>
        ) : null}
        {post.draft ? <span className="badge badge-draft">{t('posts.draft')}</span> : null}
        {post.error ? (
          <span className="badge badge-error" title={post.error}>
            <Icon name="alert" />
            <span className="badge-text">
              {t('posts.error')}: {postErrorText(post.error, t)}
            </span>
          </span>
        ) : null}
      </div>
    </div>
  );
}
