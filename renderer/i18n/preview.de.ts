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
  'preview.problem.unclosedHtml': '<{tag}> wird in Zeile {line} geöffnet und nie geschlossen; alles danach steht darin',
  'preview.problem.htmlTooDeep': '<{tag}> in Zeile {line} ist mehr als {limit} Elemente tief verschachtelt; Jekyll bricht bei so tief verschachteltem HTML ab („stack level too deep“), und die Vorschau lässt die tieferen Tags weg',
  'preview.problem.markdownTooDeep': '<{tag}> in Zeile {line} liegt mehr als {limit} Ebenen Markdown in HTML tief; das Markdown darin wird als Text gezeigt',
  'preview.contextFailed': 'Die Einstellungen der Website konnten für die Vorschau nicht gelesen werden: {message}',
} as const;
