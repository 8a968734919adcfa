/**
 * Export and printing of the open post for one workspace: which dialog is open, printing the post alone (Ctrl/Cmd+P,
 * the desktop menu, the Export menu), and what the browser's own print menu gets when no post was made ready for it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ExportFormat, PageSize } from '../../../shared/contract/export-models';
import { useApi, useEvent } from '../../api/api-context';
import type { EditorBridge } from '../../common/editor-bridge';
import { useSettings } from '../../common/settings-context';
import { useI18n } from '../../i18n/i18n-context';
import { clearPrintRoot, fillPrintNote, fillPrintRoot, printFilled, printRoot } from './print-post';

/** What the open dialog is about: the post it was opened for and the format first chosen. */
export interface ExportRequest {
  path: string;
  title: string;
  format: ExportFormat;
}

/** A message for the user outside the export dialog: printing failed, or there is no post to export. */
export type ExportNotice = { kind: 'print-failed'; error: AppError } | { kind: 'no-post' };

/** The open post as the export needs it: its path and title (null when no post is open). */
export interface ExportTarget {
  path: string;
  title: string;
}

/** The last export document printed: the browser's own print menu reuses it (nothing is fetched ahead). */
interface LastPrint {
  site: string;
  path: string;
  html: string;
  pageSize: PageSize;
  language: string;
}

/** Ctrl+P, or ⌘P on a Mac, as the interface names it. */
export function printShortcut(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘P' : 'Ctrl+P';
}

/** Whether a modal dialog is open: Ctrl/Cmd+P then belongs to it (or to the browser), not to the post behind. */
function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** The export and printing of one workspace; `target` is the active post. */
export function useExport(site: string, bridge: EditorBridge, target: ExportTarget | null) {
  const api = useApi();
  const { t, language } = useI18n();
  const { settings } = useSettings();
  const [request, setRequest] = useState<ExportRequest | null>(null);
  const [notice, setNotice] = useState<ExportNotice | null>(null);
  const [printing, setPrinting] = useState(false);
  const busy = useRef(false);
  const last = useRef<LastPrint | null>(null);
  // The page size of the last export this session wins over the settings read at start (main remembers it too).
  const pageSize = useRef<PageSize | null>(null);
  const latest = useRef({ target, t, language, settings });
  useEffect(() => {
    latest.current = { target, t, language, settings };
  });

  /** The editor's text now (unsaved edits included); undefined when no editor shows it (main reads the file). */
  const currentText = useCallback(() => bridge.current()?.toString(), [bridge]);

  const openDialog = useCallback((format: ExportFormat) => {
    const now = latest.current.target;
    if (!now) return setNotice({ kind: 'no-post' });
    // A dialog already open stays as it is (a menu command must not restart it, least of all mid-write).
    setRequest((open) => open ?? { path: now.path, title: now.title, format });
  }, []);

  const print = useCallback(async () => {
    const now = latest.current.target;
    if (!now) return setNotice({ kind: 'no-post' });
    if (busy.current) return;
    busy.current = true;
    setPrinting(true);
    const size = pageSize.current ?? latest.current.settings.exportPageSize;
    try {
      const r = await api['export.html']({ site, path: now.path, text: currentText(), pageSize: size });
      if (!r.ok) return setNotice({ kind: 'print-failed', error: r.error });
      last.current = { site, path: now.path, html: r.value.html, pageSize: size, language: r.value.language };
      fillPrintRoot(r.value.html, size, r.value.language);
      printFilled();
    } finally {
      busy.current = false;
      setPrinting(false);
    }
  }, [api, site, currentText]);

  const written = useCallback((size: PageSize) => {
    pageSize.current = size;
  }, []);

  // Ctrl/Cmd+P prints the open post, unless something else took the key or a dialog is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p' || e.defaultPrevented) return;
      if (!latest.current.target || dialogOpen()) return;
      e.preventDefault();
      void print();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [print]);

  // The browser's own print (its menu, or Ctrl+P we left alone) finds no container: it gets the last export
  // document of the open post if there is one (perhaps without the latest edits), else one line saying how to print
  // the post; never the app with its sidebar and editor.
  useEffect(() => {
    const onBeforePrint = () => {
      if (printRoot()) return;
      const { target: now, t: tr, language: lang } = latest.current;
      const kept = last.current;
      if (now && kept && kept.site === site && kept.path === now.path) fillPrintRoot(kept.html, kept.pageSize, kept.language);
      else fillPrintNote(tr(now ? 'export.print.useShortcut' : 'export.print.noPost', { shortcut: printShortcut() }), lang);
      window.addEventListener('afterprint', clearPrintRoot, { once: true });
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [site]);

  // The desktop menu: File › Export as PDF…, Export as HTML…, Print….
  useEvent('menu.command', ({ command }) => {
    if (command === 'export.pdf') openDialog('pdf');
    else if (command === 'export.html') openDialog('html');
    else if (command === 'print') void print();
  });

  return {
    api,
    site,
    target,
    request,
    notice,
    printing,
    openDialog,
    closeDialog: useCallback(() => setRequest(null), []),
    closeNotice: useCallback(() => setNotice(null), []),
    print,
    written,
    currentText,
    defaultPageSize: () => pageSize.current ?? latest.current.settings.exportPageSize,
  };
}

/** What `useExport` gives the Export menu and the dialogs. */
export type Exporter = ReturnType<typeof useExport>;
