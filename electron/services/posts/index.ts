/** The posts area's public face: new posts from templates, filled with the site's press-release values. */
export { createPost, type NewPostFile, type NewPostInput } from './create-post';
