/** German messages for figures: the asset browser and the insert-figure dialog (spread into the German catalogue). */
import type { figuresEn } from './figures.en';

export const figuresDe: { readonly [K in keyof typeof figuresEn]: string } = {
  'figures.browser.title': 'Bilder der Website',
  'figures.browser.search': 'Bilder suchen',
  'figures.browser.searchPlaceholder': 'Dateiname oder Ordner…',
  'figures.browser.loading': 'Die Bilder der Website werden gelesen…',
  'figures.browser.loadFailed': 'Die Bilder konnten nicht gelesen werden: {message}',
  'figures.browser.retry': 'Erneut versuchen',
  'figures.browser.empty': 'Diese Website hat noch keine Bilder. Ziehen Sie eines in einen Beitrag oder fügen Sie es ein.',
  'figures.browser.noMatch': 'Kein Bild passt zu „{query}“.',
  'figures.browser.count.one': '{shown} von {total} Bild',
  'figures.browser.count.other': '{shown} von {total} Bildern',
  'figures.browser.truncated': 'Die Website hat mehr Bilder, als die Übersicht zeigt; nur die ersten {count} sind aufgeführt.',
  'figures.browser.grid': 'Bilder — mit den Pfeiltasten wählen, mit der Eingabetaste einfügen',
  'figures.browser.dimensions': '{width} × {height} px',
  'figures.browser.noPreview': 'Keine Vorschau',
  'figures.browser.usedIn.zero': 'In keinem Beitrag verwendet',
  'figures.browser.usedIn.one': 'In 1 Beitrag verwendet',
  'figures.browser.usedIn.other': 'In {count} Beiträgen verwendet',
  'figures.browser.showUses': 'Beiträge zeigen, die {name} verwenden',
  'figures.browser.hideUses': 'Beiträge ausblenden, die {name} verwenden',
  'figures.browser.insert': 'Einfügen',
  'figures.browser.cancel': 'Abbrechen',
  'figures.browser.close': 'Bildübersicht schließen',
  'figures.browser.nothingChosen': 'Wählen Sie ein Bild, um es einzufügen.',
  'figures.browser.chosen': 'Gewählt: {name}',
};
