/** The site area's public face: opening a site, its config, its post list, its form schema and render context. */
export { openSite } from './open-site';
export { loadSiteConfig } from './site-config';
export { loadFrontMatterSchema } from './schema-service';
export { readPostEntry } from './scan-posts';
export { postUrls, readConfigData, readRenderContext, readSiteData } from './render-context';
