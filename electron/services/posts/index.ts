/** The posts area's public face: new posts from templates, renaming a release with its translations, adding and unlinking translations. */
export { createPost, type NewPostFile, type NewPostInput } from './create-post';
export { renamePosts, type PostMove } from './rename-posts';
export { addTranslation } from './add-translation';
export { translateLink } from './translate-link';
