/** German words of the note beside Save (same keys as autosave-waits.en.ts). */
import type { autosaveWaitsEn } from './autosave-waits.en';

export const autosaveWaitsDe: Record<keyof typeof autosaveWaitsEn, string> = {
  'autosaveWaits.frontMatter': 'Automatisches Speichern wartet: Das Front Matter ist nicht lesbar',
  'autosaveWaits.conflict': 'Automatisches Speichern wartet: Die Datei wurde auf dem Datenträger geändert',
  'autosaveWaits.saveError': 'Automatisches Speichern wartet: Das letzte Speichern ist fehlgeschlagen',
};
