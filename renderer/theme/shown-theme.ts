/** The theme the app shows right now, read from <html data-theme> (set by useTheme), for code outside React's render. */

/** True when the app shows its dark theme, so the editor and the preview frame can match it. */
export function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}
