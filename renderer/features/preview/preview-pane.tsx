/**
 * The live preview beside the editor: the post as the site would show it, in a sandboxed frame that no script
 * ever runs in, patched block by block as the user types and scrolled in step with the editor.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SiteSummary } from '../../../shared/contract/models';
import { useApi } from '../../api/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { EditorBridge } from '../../common/editor-bridge';
import { useExternalLinkGate } from '../../common/external-links';
import frameStylesheet from './preview-frame.css?url';
import { PreviewController, type PreviewState } from './preview-controller';
import { lineProblems, problemText } from './problem-words';
import './preview.css';
import { useRenderContext } from './use-render-context';

/** What the document workspace hands the preview. */
export interface PreviewPaneProps {
  site: SiteSummary;
  /** Site-relative path of the post. */
  path: string;
  /**
   * The editor the preview follows: its text on every change (the controller listens to the editor itself, no
   * React render per keystroke) and where it is scrolled, so the preview can bring the matching block into view.
   */
  bridge: EditorBridge;
  /** The user scrolled the preview: bring this one-based source line into view in the editor. */
  onScrollToLine(line: number): void;
}

/** Posts whose web content the user allowed in this session (site and path). */
const remoteAllowedFor = new Set<string>();

/** The language a post is written in, for the frame's `lang` (hyphenation, quotes): its `_i18n/<lang>/` folder or the site's default. */
function languageOf(site: SiteSummary, path: string): string {
  return /(?:^|\/)_i18n\/([A-Za-z]{2,3}(?:-[A-Za-z]{2})?)\//.exec(path)?.[1] ?? site.defaultLanguage ?? 'en';
}

/** Shows the post as the site would, safely; see the preview feature. */
export function PreviewPane({ site, path, bridge, onScrollToLine }: PreviewPaneProps) {
  const api = useApi();
  const { t, tn } = useI18n();
  const openExternal = useExternalLinkGate();
  const { context, error } = useRenderContext(site.root);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const controllerRef = useRef<PreviewController | null>(null);
  const key = `${site.root}\u0000${path}`;
  const [allowed, setAllowed] = useState(() => remoteAllowedFor.has(key));
  const [state, setState] = useState<PreviewState>({ remote: 0, problems: [], doc: null, renderMs: 0, renders: 0 });
  const callbacks = useRef({ onScrollToLine, openExternal, t, bridge });
  callbacks.current = { onScrollToLine, openExternal, t, bridge };

  // Layout effects, in this order, so the controller exists and knows its document before the first text
  // arrives; then it follows the editor directly, so each keystroke's render is requested from the editor's own
  // update, before the browser paints it.
  useLayoutEffect(() => {
    const controller = new PreviewController(frameRef.current!, {
      api,
      stylesheet: frameStylesheet,
      labels: {
        brokenImage: (p) => callbacks.current.t('preview.brokenImage', { path: p }),
        embed: (what) => callbacks.current.t('preview.embed', { what }),
      },
      onState: (next) => {
        setState(next);
        // The editor marks the problems on their lines, in the words the list uses.
        const { bridge: to, t: words } = callbacks.current;
        to.publishProblems(next.doc ? { doc: next.doc, problems: lineProblems(next.problems, words) } : null);
      },
      onScrollToLine: (line) => callbacks.current.onScrollToLine(line),
      openExternal: (url) => callbacks.current.openExternal(url),
    });
    controllerRef.current = controller;
    return () => {
      controller.dispose();
      controllerRef.current = null;
      callbacks.current.bridge.publishProblems(null);
    };
  }, [api]);

  useLayoutEffect(() => {
    const isAllowed = remoteAllowedFor.has(key);
    setAllowed(isAllowed);
    setState({ remote: 0, problems: [], doc: null, renderMs: 0, renders: 0 });
    controllerRef.current?.setDocument(site.root, path, languageOf(site, path), isAllowed);
  }, [key, site, path]);

  useLayoutEffect(() => controllerRef.current?.setContext(context), [context]);
  useLayoutEffect(() => bridge.followText((doc) => controllerRef.current?.setText(doc)), [bridge]);
  useLayoutEffect(() => bridge.followSync((line, reason) => controllerRef.current?.sync(line, reason)), [bridge]);
  useEffect(() => controllerRef.current?.setRemoteAllowed(allowed), [allowed]);

  const allowRemote = () => {
    remoteAllowedFor.add(key);
    setAllowed(true);
  };

  return (
    <section className="preview-pane" aria-label={t('preview.label')}>
      {state.remote > 0 && !allowed ? (
        <div className="preview-bar" role="status">
          <p>{tn('preview.remote', state.remote)}</p>
          <button type="button" className="button small" onClick={allowRemote}>
            {t('preview.loadRemote')}
          </button>
        </div>
      ) : null}
      {error ? (
        <div className="preview-bar preview-bar-error" role="status">
          <p>{t('preview.contextFailed', { message: error.message })}</p>
        </div>
      ) : null}
      <iframe
        ref={frameRef}
        className="preview-frame"
        title={t('preview.frameTitle', { path })}
        sandbox="allow-same-origin"
        referrerPolicy="no-referrer"
      />
      {state.problems.length > 0 ? (
        <details className="preview-problems">
          <summary>{tn('preview.problems', state.problems.length)}</summary>
          <ul>
            {state.problems.slice(0, 50).map((p, i) => {
              const { text, namesLine } = problemText(p, t);
              return <li key={i}>{p.line && !namesLine ? t('preview.problemLine', { line: p.line, message: text }) : text}</li>;
            })}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
