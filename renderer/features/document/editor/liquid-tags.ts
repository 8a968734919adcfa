/** Marks Liquid tags `{% … %}` and output `{{ … }}` in the visible text, so template code stands out from prose. */
import type { Extension } from '@codemirror/state';
import { Decoration, type DecorationSet, type EditorView, MatchDecorator, ViewPlugin, type ViewUpdate } from '@codemirror/view';

const liquidMatcher = new MatchDecorator({
  regexp: /\{%-?.*?-?%\}|\{\{-?.*?-?\}\}/g,
  decoration: (match) => Decoration.mark({ class: match[0].startsWith('{%') ? 'cm-liquid cm-liquid-tag' : 'cm-liquid cm-liquid-output' }),
});

/** The Liquid highlighting; only the viewport is scanned, so long posts stay fast. */
export function liquidTags(): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = liquidMatcher.createDeco(view);
      }
      update(update: ViewUpdate) {
        this.decorations = liquidMatcher.updateDeco(update, this.decorations);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
