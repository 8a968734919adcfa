/** The path-completion area's public face, for browser mode's folder field. */
export { completePath } from './complete-path';
