/** `post.*`: new posts from templates, renaming a release with its translations, adding and unlinking translations. */
import path from 'node:path';
import type { AreaHandlers } from '../../../shared/contract/contract';
import { addTranslation, createPost, renamePosts, translateLink } from '../../services/posts';
import { loadSiteConfig } from '../../services/site';
import type { CallContext } from './call-context';

/** The `post.*` calls. */
export function createPostCalls(ctx: CallContext): AreaHandlers<'post'> {
  const { sites } = ctx;
  /** The list the renderer asks for next must show the posts as they are now (new, renamed, unlinked). */
  const listAgain = async (root: string) => {
    try {
      sites.set(root, await sites.scan(root));
    } catch (error) {
      console.error('pressroom: could not list the posts again after changing them', error);
    }
  };
  return {
    'post.create': async ({ site, date, category, posts }) => {
      const { root, opened } = sites.require(site);
      const templatesDir = ctx.templatesDir ?? path.join(path.dirname(ctx.sampleDir), 'templates');
      const created = await createPost(root, await loadSiteConfig(root), { date, category, posts }, { templatesDir, existingPosts: opened.posts });
      await listAgain(root);
      return created;
    },
    'post.rename': async ({ site, moves }) => {
      const { root } = sites.require(site);
      const renamed = await renamePosts(root, await loadSiteConfig(root), moves);
      await listAgain(root);
      return renamed;
    },
    'post.addTranslation': async ({ site, path: rel, language }) => {
      const { root } = sites.require(site);
      const added = await addTranslation(root, await loadSiteConfig(root), rel, language);
      await listAgain(root);
      return added;
    },
    'post.translate': async ({ site, path: rel }) => {
      const { root } = sites.require(site);
      const copied = await translateLink(root, rel);
      await listAgain(root);
      return copied;
    },
  };
}
