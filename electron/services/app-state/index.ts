/** The app-state area's public face: where app data lives, and the recent sites and settings kept there. */
export { appDataDir, documentsDir } from './app-data-dir';
export { type AppState, createAppState, defaultPageSize } from './app-state';
