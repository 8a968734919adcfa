// @vitest-environment jsdom
// Changing the interface language re-phrases an editor that is already open: its find-and-replace panel speaks
// the new language (even while it is open, keeping the search), not the one the tab was opened in.
import { openSearchPanel, search, setSearchQuery, SearchQuery } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { editorPhrases } from './editor-phrases';
import { editorPhrasesExtension, setEditorPhrases } from './editor-language';

const views: EditorView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

function open(phrases: Record<string, string>): EditorView {
  const state = EditorState.create({ doc: 'Pressemitteilung\n', extensions: [editorPhrasesExtension(phrases), search({ top: true })] });
  const view = new EditorView({ state, parent: document.body });
  views.push(view);
  return view;
}

function panelWords(view: EditorView): string[] {
  return [...view.dom.querySelectorAll('.cm-search button')].map((b) => b.textContent ?? '');
}

describe('the editor following the interface language', () => {
  it('words the search panel in the language it is switched to, not the one the tab was opened in', () => {
    const view = open(editorPhrases('en'));
    setEditorPhrases(view, editorPhrases('de'));
    openSearchPanel(view);
    expect(panelWords(view)).toContain('Weiter');
    expect(view.dom.querySelector<HTMLInputElement>('.cm-search [main-field]')!.placeholder).toBe('Suchen');
  });

  it('redraws an open search panel in the new words and keeps what was searched for', () => {
    const view = open(editorPhrases('de'));
    openSearchPanel(view);
    view.dispatch({ effects: setSearchQuery.of(new SearchQuery({ search: 'Presse' })) });
    expect(panelWords(view)).toContain('Alle ersetzen');
    setEditorPhrases(view, editorPhrases('en'));
    expect(panelWords(view)).toContain('replace all');
    expect(panelWords(view)).not.toContain('Alle ersetzen');
    expect(view.dom.querySelector<HTMLInputElement>('.cm-search [main-field]')!.value).toBe('Presse');
  });

  it('leaves an editor alone that already speaks the language', () => {
    const view = open(editorPhrases('en'));
    openSearchPanel(view);
    const before = view.state;
    setEditorPhrases(view, editorPhrases('en'));
    expect(view.state).toBe(before);
  });
});
