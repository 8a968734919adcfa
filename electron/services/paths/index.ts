/** The paths area's public face: every path a call names is confined to its site by real path here. */
export { isInside, normalizeRel, resolveInside } from './resolve-inside';
