/**
 * Bringing pictures into a post: the queue of pictures waiting for the dialog (dropped, pasted, chosen on this computer
 * or picked among the site's images), one after another, and the calls that stage, import and turn them into a snippet.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../../shared/contract/contract';
import type { Result } from '../../../shared/contract/errors';
import type { FigureAsset, StagedFigure } from '../../../shared/contract/figure-models';
import { useApi } from '../../api/api-context';
import type { EditorBridge } from '../../common/editor-bridge';
import { useSiteData } from '../../common/site-data/use-site-resource';
import { figureDrop } from './figure-drop';

/** A picture waiting for the dialog: a file of this computer, or an image already in the site. */
export type FigureSource = { kind: 'file'; file: File; id: number } | { kind: 'asset'; asset: FigureAsset; id: number };

/** What the user wrote about the picture in the dialog. */
export interface FigureWords {
  alt: string;
  caption: string;
  credit: string;
}

/** How a staged picture goes into the site. */
export interface ImportChoice {
  fileName: string;
  downscale: boolean;
  keepOriginal: boolean;
}

/** The file's bytes as base64, the way `figure.stage` takes them. */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends a picture of this computer to the app-data folder, where it is checked and measured before it goes into the site. */
export async function stageFile(api: Api, site: string, file: File): Promise<Result<StagedFigure>> {
  return api['figure.stage']({ site, name: file.name || 'image', base64: await fileBase64(file) });
}

function snippetArgs(site: string, path: string, words: FigureWords) {
  return { site, path, alt: words.alt.trim(), caption: words.caption.trim() || undefined, credit: words.credit.trim() || undefined };
}

/** Imports a staged picture and asks for its snippet: the site path written and the text for the post. */
export async function importStaged(api: Api, site: string, staged: StagedFigure, choice: ImportChoice, words: FigureWords): Promise<Result<{ path: string; text: string }>> {
  const imported = await api['figure.import']({ site, id: staged.id, ...choice });
  if (!imported.ok) return imported;
  const snippet = await api['figure.snippet'](snippetArgs(site, imported.value.path, words));
  return snippet.ok ? { ok: true, value: { path: imported.value.path, text: snippet.value.text } } : snippet;
}

/** The snippet of an image already in the site (nothing is copied). */
export async function snippetOf(api: Api, site: string, path: string, words: FigureWords): Promise<Result<{ path: string; text: string }>> {
  const snippet = await api['figure.snippet'](snippetArgs(site, path, words));
  return snippet.ok ? { ok: true, value: { path, text: snippet.value.text } } : snippet;
}

let nextId = 1;

/** The figures of one workspace: drop and paste go to the queue; the dialog shows its first picture and inserts through the bridge. */
export function useFigureImport(site: string, bridge: EditorBridge) {
  const api = useApi();
  const siteData = useSiteData();
  const [queue, setQueue] = useState<FigureSource[]>([]);
  const [browsing, setBrowsing] = useState(false);
  // Every editor state gets the drop and paste handling; it asks the bridge at the moment of the drop, so the
  // handler below may come and go. Given while rendering, before any post's state is made (their texts load later).
  useState(() => bridge.extendEditors('figures', figureDrop((files) => bridge.offerImageFiles(files))));

  const addFiles = useCallback((files: File[]) => {
    const images = files.filter((f) => f.type.startsWith('image/') || f.type === '');
    if (images.length > 0) setQueue((q) => [...q, ...images.map((file) => ({ kind: 'file' as const, file, id: nextId++ }))]);
  }, []);
  const pickAsset = useCallback((asset: FigureAsset) => {
    setBrowsing(false);
    setQueue((q) => [...q, { kind: 'asset', asset, id: nextId++ }]);
  }, []);
  useEffect(() => bridge.handleImageFiles(addFiles), [bridge, addFiles]);

  /** Ends the current picture (inserted or cancelled) and moves on to the next one. */
  const next = useCallback(() => setQueue((q) => q.slice(1)), []);

  /** Puts the snippet into the post and tells the preview the site has a new image (its render context is read again). */
  const insert = useCallback(
    (path: string, text: string): boolean => {
      siteData.signal({ type: 'file.changed', site, path });
      return bridge.insertAtCursor(text);
    },
    [bridge, site, siteData],
  );

  return { api, current: queue[0] ?? null, waiting: Math.max(0, queue.length - 1), addFiles, pickAsset, next, insert, browsing, setBrowsing };
}

/** What `useFigureImport` gives the button and the dialog. */
export type FigureImport = ReturnType<typeof useFigureImport>;
