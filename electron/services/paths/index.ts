/** The paths area's public face: every path a call names is confined to its site by real path here, and every site file is read here. */
export { isInside, normalizeRel, resolveInside } from './resolve-inside';
export { readSiteFile, readSiteText, resolveSiteFolder, siteFileText, type SiteFileOptions } from './read-site-file';
