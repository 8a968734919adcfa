/** What every area's calls are built from: the host's dependencies plus the session's open sites. */
import path from 'node:path';
import type { AppInfo } from '../../../shared/contract/models';
import type { AppState } from '../../services/app-state';
import type { PdfEngine } from '../../services/export';
import type { CredentialStore, SecretBox } from '../../services/git';
import type { RecoveryStore } from '../../services/recovery';
import type { EventBus } from '../event-bus';
import type { OpenSites } from './open-sites';

/** What the handlers need from their host; Electron and browser mode differ only in these. */
export interface HandlerDeps {
  appState: AppState;
  bus: EventBus;
  /** The bundled sample site that `sample.create` copies. */
  sampleDir: string;
  /** Pressroom's default post templates; by default the `templates` folder beside the sample site. */
  templatesDir?: string;
  info: AppInfo;
  /** The native folder dialog; absent where there is none (browser mode), which the renderer learns from `info.capabilities`. */
  pickFolder?: (purpose: 'open-site' | 'sample-destination' | 'clone-destination' | 'export-destination', defaultPath?: string) => Promise<string | null>;
  /** Hands an already checked URL to the operating system; resolves false when nothing could open it. */
  openExternal: (url: string) => Promise<boolean>;
  /** Where git credentials are kept; by default `git-credentials.json` in the app-data folder. */
  credentials?: CredentialStore;
  /** The operating system's encryption for remembered tokens (Electron's safeStorage); none in browser mode. */
  secretBox?: SecretBox;
  /** Prints PDF exports: Electron's printToPDF in the app; by default the machine's Chromium, started on the first PDF. */
  pdfEngine?: PdfEngine;
}

/** The host's dependencies and the sites opened in this session, handed to each area's `create…Calls`. */
export interface CallContext extends HandlerDeps {
  sites: OpenSites;
  /** The unsaved text kept for recovery, in the app-data folder; a save forgets its document's entry. */
  recovery: RecoveryStore;
}

/** Expands a leading `~` as typed in browser mode's path field; other paths pass through unchanged. */
export function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/') || p.startsWith('~\\')) return path.join(home, p.slice(2));
  return p;
}
