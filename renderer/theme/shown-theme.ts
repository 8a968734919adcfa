/** The theme the app shows right now, read from <html data-theme> (set by useTheme), for code outside React's render. */

/** True when the app shows its dark theme, so the editor and the preview frame can match it. */
export function isDark(): boolean {
  return document.documentElement.dataset.theme === 'dark';
}

/** Calls `listener` with the shown theme each time it changes (code outside React: the editor, the preview frame); returns the unsubscribe. */
export function onShownThemeChange(listener: (dark: boolean) => void): () => void {
  const observer = new MutationObserver(() => listener(isDark()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
