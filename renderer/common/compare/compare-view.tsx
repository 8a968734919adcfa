/**
 * Two texts side by side with their differences marked (@codemirror/merge): the file on disk on the left,
 * read-only, and the user's text on the right, read-only or editable. Used before a save replaces what is on
 * disk and to look at a document that changed underneath (or a recovered one). Themed like the editor and
 * mounted in a shadow root for the same reason (the CSP allows adopted style sheets, not <style> elements).
 */
import { getChunks, MergeView, unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState, type Extension, Prec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { isDark, onShownThemeChange } from '../../theme/shown-theme';
import { editorTheme } from '../editor-theme';
import './compare.css';

/** Props: the two texts; `onMineChange` makes the right side editable and hears every change to it. */
export interface CompareViewProps {
  /** The file as it is on disk now (left, never editable). */
  disk: string;
  /** The user's text (right). */
  mine: string;
  /** When given, the right side is editable and reports its text after each change. */
  onMineChange?(text: string): void;
  /** Accessible name of the whole comparison (e.g. which file). */
  label: string;
  /** Heading of the right side; "Yours" by default. */
  mineTitle?: string;
  /** Heading of the left side; "On disk" by default. */
  diskTitle?: string;
  /** One column instead of two: removed lines struck through in red above the added ones in green (read-only). */
  unified?: boolean;
}

/** What the compare view adds to the editor's chrome: no room below the text, and the change marks in the app's colours. */
const compareChrome = EditorView.theme({
  '&': { height: 'auto' },
  '.cm-content': { padding: '8px 0' },
  '.cm-scroller': { overflow: 'visible' },
  '&.cm-merge-a .cm-changedLine, .cm-deletedChunk': { backgroundColor: 'var(--danger-soft)' },
  '&.cm-merge-b .cm-changedLine, .cm-inlineChangedLine': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-merge-a .cm-changedText, .cm-deletedChunk .cm-deletedText': { background: 'none', backgroundColor: 'var(--danger-border)' },
  '&.cm-merge-b .cm-changedText': { background: 'none', backgroundColor: 'var(--selected)' },
  '.cm-changeGutter': { width: '3px' },
  '&.cm-merge-a .cm-changedLineGutter': { backgroundColor: 'var(--danger)' },
  '&.cm-merge-b .cm-changedLineGutter': { backgroundColor: 'var(--accent)' },
  '&.cm-merge-unified .cm-changedLine': { backgroundColor: 'var(--compare-added-soft)' },
  '&.cm-merge-unified .cm-insertedLine, &.cm-merge-unified .cm-changedText': { background: 'none', backgroundColor: 'var(--compare-added)', textDecoration: 'none' },
  '&.cm-merge-unified .cm-deletedChunk': { padding: '0 20px' },
  '&.cm-merge-unified .cm-deletedLine, &.cm-merge-unified .cm-deletedLine del': { textDecoration: 'line-through', textDecorationColor: 'var(--danger)' },
  '&.cm-merge-unified .cm-changedLineGutter': { backgroundColor: 'var(--compare-added-mark)' },
  '&.cm-merge-unified .cm-deletedLineGutter': { backgroundColor: 'var(--danger)' },
  // The merge view's own marks (U+299A) are missing from common fonts and show as empty boxes; an ellipsis is everywhere.
  '.cm-collapsedLines:before, .cm-collapsedLines:after': { content: '"…"' },
});

function sideExtensions(theme: Compartment, dark: boolean, label: string, editable: boolean, extra: Extension): Extension[] {
  return [
    theme.of(editorTheme(dark)),
    Prec.high(compareChrome),
    EditorView.lineWrapping,
    EditorState.readOnly.of(!editable),
    EditorView.editable.of(editable),
    EditorView.editorAttributes.of({ role: 'region', 'aria-label': label }),
    EditorView.contentAttributes.of({ 'aria-label': label, ...(editable ? {} : { 'aria-readonly': 'true' }) }),
    extra,
  ];
}

/** The comparison. Its texts are read when it mounts (key it by what it compares to show other texts); it is destroyed on unmount. */
export function CompareView({ disk, mine, onMineChange, label, mineTitle, diskTitle, unified = false }: CompareViewProps) {
  const { t, tn } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const diskId = useId();
  const mineId = useId();
  const initial = useRef({
    disk,
    mine,
    unified,
    label,
    editable: !!onMineChange && !unified,
    diskLabel: diskTitle ?? t('compare.diskLabel'),
    mineLabel: mineTitle ?? t('compare.mineLabel'),
    // The merge view's own words ("13 unchanged lines") in the interface language; `$` is the number.
    phrases: EditorState.phrases.of({ '$ unchanged lines': t('compare.unchangedLines') }),
  });
  const latestChange = useRef(onMineChange);
  useEffect(() => {
    latestChange.current = onMineChange;
  });
  const [changes, setChanges] = useState<number | null>(null);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const { disk: a, mine: b, editable, diskLabel, mineLabel, phrases } = initial.current;
    const root = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
    const themeA = new Compartment();
    const themeB = new Compartment();
    const dark = isDark();
    if (initial.current.unified) {
      const single = new EditorView({
        parent: root,
        root,
        doc: b,
        extensions: [
          sideExtensions(themeB, dark, initial.current.label, false, phrases),
          unifiedMergeView({ original: a, gutter: true, highlightChanges: true, mergeControls: false, syntaxHighlightDeletions: false, collapseUnchanged: { margin: 3, minSize: 8 } }),
        ],
      });
      single.dom.classList.add('cm-merge-unified');
      const chunks = getChunks(single.state)?.chunks ?? [];
      setChanges(chunks.length);
      if (chunks[0]) single.dispatch({ effects: EditorView.scrollIntoView(chunks[0].fromB, { y: 'start', yMargin: 24 }) });
      const stop = onShownThemeChange((nowDark) => single.dispatch({ effects: themeB.reconfigure(editorTheme(nowDark)) }));
      return () => {
        stop();
        single.destroy();
      };
    }
    let view: MergeView | null = null;
    // The merge view works out its chunks before the editor hears the change, so the count is current here.
    const report = EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      latestChange.current?.(update.state.doc.toString());
      if (view) setChanges(view.chunks.length);
    });
    view = new MergeView({
      a: { doc: a, extensions: sideExtensions(themeA, dark, diskLabel, false, phrases) },
      b: { doc: b, extensions: sideExtensions(themeB, dark, mineLabel, editable, [report, phrases]) },
      parent: root,
      root,
      gutter: true,
      highlightChanges: true,
      collapseUnchanged: { margin: 3, minSize: 8 },
    });
    const merge = view;
    merge.a.dom.classList.add('cm-merge-a');
    merge.b.dom.classList.add('cm-merge-b');
    setChanges(merge.chunks.length);
    // Open at the first difference, which may be far down a long post.
    const first = merge.chunks[0];
    if (first) merge.b.dispatch({ effects: EditorView.scrollIntoView(first.fromB, { y: 'start', yMargin: 24 }) });
    const stopFollowingTheme = onShownThemeChange((nowDark) => {
      merge.a.dispatch({ effects: themeA.reconfigure(editorTheme(nowDark)) });
      merge.b.dispatch({ effects: themeB.reconfigure(editorTheme(nowDark)) });
    });
    return () => {
      stopFollowingTheme();
      merge.destroy();
    };
  }, []);

  return (
    <section className={unified ? 'compare compare-unified' : 'compare'} role="region" aria-label={label}>
      <div className="compare-heads">
        <p className="compare-head compare-head-a" id={diskId}>
          {initial.current.diskLabel}
        </p>
        <p className="compare-head compare-head-b" id={mineId}>
          {initial.current.mineLabel}
        </p>
      </div>
      <p className="compare-summary" role="status">
        {changes === null ? '' : changes === 0 ? t('compare.same') : tn('compare.changes', changes)}
      </p>
      <div ref={host} className="compare-host" aria-labelledby={`${diskId} ${mineId}`} />
    </section>
  );
}
