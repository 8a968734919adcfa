/** `post.*`: new posts from templates in an open site. */
import path from 'node:path';
import type { AreaHandlers } from '../../../shared/contract/contract';
import { AppFailure } from '../../../shared/contract/errors';
import { createPost } from '../../services/posts';
import { loadSiteConfig } from '../../services/site';
import type { CallContext } from './call-context';

/** The `post.*` calls. */
export function createPostCalls(ctx: CallContext): AreaHandlers<'post'> {
  const { sites } = ctx;
  return {
    'post.create': async ({ site, date, category, posts }) => {
      const { root, opened } = sites.require(site);
      const templatesDir = ctx.templatesDir ?? path.join(path.dirname(ctx.sampleDir), 'templates');
      const created = await createPost(root, await loadSiteConfig(root), { date, category, posts }, { templatesDir, existingPosts: opened.posts });
      try {
        // The list the renderer asks for next must show the new post.
        sites.set(root, await sites.scan(root));
      } catch (error) {
        console.error('pressroom: could not list the posts again after creating one', error);
      }
      return created;
    },
    'post.rename': async () => {
      throw new AppFailure('not-supported', 'Renaming is not built yet.');
    },
    'post.addTranslation': async () => {
      throw new AppFailure('not-supported', 'Adding a translation is not built yet.');
    },
    'post.translate': async () => {
      throw new AppFailure('not-supported', 'Translating a linked post is not built yet.');
    },
  };
}
