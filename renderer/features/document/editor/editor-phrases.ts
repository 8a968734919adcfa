/** CodeMirror's own words (the find-and-replace panel, its announcements) in the interface language. */
import type { Language } from '../../../i18n/translate';

const de: Record<string, string> = {
  Find: 'Suchen',
  Replace: 'Ersetzen',
  next: 'Weiter',
  previous: 'Zurück',
  all: 'Alle',
  'match case': 'Groß-/Kleinschreibung',
  regexp: 'Regulärer Ausdruck',
  'by word': 'Ganzes Wort',
  replace: 'Ersetzen',
  'replace all': 'Alle ersetzen',
  close: 'Schließen',
  'current match': 'Aktueller Treffer',
  'on line': 'in Zeile',
  'replaced match on line $': 'Treffer in Zeile $ ersetzt',
  'replaced $ matches': '$ Treffer ersetzt',
  'Go to line': 'Gehe zu Zeile',
  go: 'Los',
  'Selection deleted': 'Auswahl gelöscht',
};

/** The phrases for a language; English is CodeMirror's own, so it needs none. */
export function editorPhrases(language: Language): Record<string, string> {
  return language === 'de' ? de : {};
}
