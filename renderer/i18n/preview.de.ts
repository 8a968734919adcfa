/** German messages of the live preview (spread into the German catalogue). */
export const previewDe = {
  'preview.label': 'Vorschau',
  'preview.frameTitle': 'Vorschau von {path}',
  'preview.remote.one': 'Dieser Beitrag verweist auf 1 Bild im Web. Es wird nicht geladen, damit niemand erfährt, dass Sie den Beitrag geöffnet haben.',
  'preview.remote.other': 'Dieser Beitrag verweist auf {count} Bilder im Web. Sie werden nicht geladen, damit niemand erfährt, dass Sie den Beitrag geöffnet haben.',
  'preview.loadRemote': 'Externe Inhalte laden',
  'preview.remoteShown': 'Bilder aus dem Web werden für diesen Beitrag angezeigt.',
  'preview.brokenImage': 'Bild nicht verfügbar: {path}',
  'preview.embed': 'Eingebettete Inhalte werden in der Vorschau nicht angezeigt: {what}',
  'preview.problems.one': '1 Problem in diesem Beitrag',
  'preview.problems.other': '{count} Probleme in diesem Beitrag',
  'preview.problemLine': 'Zeile {line}: {message}',
  'preview.contextFailed': 'Die Einstellungen der Website konnten für die Vorschau nicht gelesen werden: {message}',
} as const;
