/** German messages of translations (same keys as pairs.en.ts). */
import type { pairsEn } from './pairs.en';

export const pairsDe: { readonly [K in keyof typeof pairsEn]: string } = {
  'pairs.row': 'Übersetzungen',
  'pairs.sideBySide': '{language} daneben',
  'pairs.same': '{language}: gleicher Text wie {source}',
  'pairs.sameUnknown': '{language}: gleiche Datei wie ein anderer Beitrag',
  'pairs.translate': 'Übersetzen…',
  'pairs.translateLabel': '{language} eigenständig übersetzen…',
  'pairs.translateTitle': 'Die Seite auf {language} eigenständig übersetzen?',
  'pairs.translateText': 'Die Seite auf {language} folgt dann nicht mehr dem Text auf {source}. Pressroom legt an ihre Stelle eine Kopie des Textes, die Sie übersetzen können; die Datei auf {source} bleibt, wie sie ist.',
  'pairs.translateTextUnknown': 'Die Seite auf {language} folgt dann nicht mehr der Datei, die sie jetzt teilt. Pressroom legt an ihre Stelle eine Kopie des Textes, die Sie übersetzen können; die andere Datei bleibt, wie sie ist.',
  'pairs.makeCopy': 'Kopie zum Übersetzen anlegen',
  'pairs.cancel': 'Abbrechen',
  'pairs.add': 'Übersetzung auf {language} hinzufügen',
  'pairs.working': 'Einen Moment…',
  'pairs.addFailed': 'Die Übersetzung auf {language} konnte nicht hinzugefügt werden.',
  'pairs.translateFailed': 'Die Seite auf {language} konnte nicht zu einer eigenen Kopie werden.',
  'pairs.side': '{language} neben {source}',
  'pairs.sideText': 'Text auf {language}, {path}',
  'pairs.showPreview': 'Vorschau zeigen',
  'pairs.showPreviewTitle': 'Hier wieder die Vorschau statt des Textes auf {language} zeigen',
  'pairs.unsaved': 'ungespeichert',
  'pairs.save': '{language} speichern',
  'pairs.sideProblem': 'Die Datei auf {language} wurde auf der Festplatte geändert oder konnte nicht gespeichert werden. Ihr Tab zeigt, was geschehen ist, und die Möglichkeiten.',
  'pairs.goToTab': 'Zu ihrem Tab',
  'pairs.loading': '{language} wird geöffnet…',
} as const;
