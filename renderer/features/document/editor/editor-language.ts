/**
 * CodeMirror's own words (the find-and-replace panel) held in a compartment, so a change of the interface language
 * re-phrases every open editor instead of leaving it in the language the tab was opened in.
 */
import { closeSearchPanel, getSearchQuery, openSearchPanel, searchPanelOpen, setSearchQuery } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

/** Holds the phrases so a running editor can change its language. */
const phrasesCompartment = new Compartment();

/** The phrases extension a new editor state starts with (part of createEditorState's extensions). */
export function editorPhrasesExtension(phrases: Record<string, string>): Extension {
  return phrasesCompartment.of(EditorState.phrases.of(phrases));
}

function samePhrases(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Gives a running editor the phrases of the interface language (nothing happens when it has them already). An open
 * search panel is drawn afresh in the new words, keeping what was being searched for.
 */
export function setEditorPhrases(view: EditorView, phrases: Record<string, string>): void {
  if (view.state.facet(EditorState.phrases).some((held) => samePhrases(held, phrases))) return;
  const panelOpen = searchPanelOpen(view.state);
  const query = getSearchQuery(view.state);
  if (panelOpen) closeSearchPanel(view);
  view.dispatch({ effects: phrasesCompartment.reconfigure(EditorState.phrases.of(phrases)) });
  if (panelOpen) {
    openSearchPanel(view);
    view.dispatch({ effects: setSearchQuery.of(query) });
  }
}
