/** One row of the post list: title, localised date, language, category and the marks a writer must notice. */
import type { PostEntry } from '../../../shared/contract/models';
import { Icon } from '../../common/icons';
import { useI18n } from '../../i18n/i18n-context';

/** The text for a symlinked post: "Same file as the English post". */
export function useSymlinkText(): (post: Pick<PostEntry, 'symlinkLanguage'>) => string {
  const { t, languageName } = useI18n();
  return (post) => (post.symlinkLanguage ? t('posts.sameFile', { language: languageName(post.symlinkLanguage) }) : t('posts.sameFileUnknown'));
}

/** The row's content; the option around it is named by this text (title, date, language, category, marks), as it shows. */
export function PostRow({ post }: { post: PostEntry }) {
  const { t, day, languageName } = useI18n();
  const symlinkText = useSymlinkText();
  return (
    <div className="post-row">
      <div className="post-title" title={post.title}>{post.title || t('posts.untitled')}</div>
      <div className="post-meta">
        <span className="post-date">{post.date ? day(post.date) : t('posts.noDate')}</span>
        {post.language ? (
          <span className="badge badge-lang" title={languageName(post.language)}>
            {post.language.toUpperCase()}
          </span>
        ) : null}
        {post.category ? <span className="post-category">{post.category}</span> : null}
        {post.draft ? <span className="badge badge-draft">{t('posts.draft')}</span> : null}
        {post.symlinkTarget ? (
          <span className="badge badge-link" title={post.symlinkTarget}>
            <Icon name="link" />
            <span className="badge-text">{symlinkText(post)}</span>
          </span>
        ) : null}
        {post.error ? (
          <span className="badge badge-error" title={post.error}>
            <Icon name="alert" />
            <span className="badge-text">
              {t('posts.error')}: {post.error}
            </span>
          </span>
        ) : null}
      </div>
    </div>
  );
}
