/** The posts area's public face: new posts from templates. */
export { createPost } from './create-post';
