/** Applies the theme setting to <html data-theme>: a fixed choice, or the system's, followed live as it changes. */
import { useEffect } from 'react';
import type { ThemeChoice } from '../../shared/contract/models';

/** The theme actually shown. */
export type ResolvedTheme = 'light' | 'dark';

/** The shown theme for a choice and whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): ResolvedTheme {
  if (choice === 'light' || choice === 'dark') return choice;
  return systemPrefersDark ? 'dark' : 'light';
}

/** Keeps `data-theme` on <html> in step with the setting and, for 'system', with the operating system. */
export function useTheme(choice: ThemeChoice): void {
  useEffect(() => {
    const root = document.documentElement;
    const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = () => {
      root.dataset.theme = resolveTheme(choice, query?.matches ?? false);
      root.dataset.themeChoice = choice;
    };
    apply();
    if (choice !== 'system' || !query) return;
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [choice]);
}
