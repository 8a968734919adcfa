/** The sample area's public face: a copy of the bundled sample site. */
export { createSampleSite } from './create-sample';
