/**
 * Opening the browser without putting the token on a command line (any local user can read a process's
 * arguments): as Jupyter's server does with its `jpserver-*-open.html`, the address goes into a small HTML file
 * only this user can read, in a private folder, and the browser is started with that file's path alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../../shared/util/escape-html';

/** How long the opener file stays after the browser was started; the browser reads it within seconds. */
export const OPENER_FILE_TTL_MS = 120_000;

/** A written opener file: its path (what the browser is given) and how to remove it, safe to call twice. */
export interface OpenerFile {
  filePath: string;
  remove(): void;
}

/** The opener page: goes on to `url` at once, with a link in case the browser does not follow the refresh. */
export function openerHtml(url: string): string {
  const href = escapeHtml(url);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0;url=${href}">
<title>Opening Pressroom…</title>
</head>
<body><p>Opening Pressroom… If nothing happens, <a href="${href}" rel="noreferrer">open Pressroom</a>.</p></body>
</html>
`;
}

/**
 * Writes the opener file for `url` with mode 0600 in a fresh 0700 folder under `parent` (the system's temporary
 * folder by default). It is removed by `remove()`, after OPENER_FILE_TTL_MS, and when the process exits.
 */
export function writeOpenerFile(url: string, parent: string = os.tmpdir()): OpenerFile {
  const dir = fs.mkdtempSync(path.join(parent, 'pressroom-open-'));
  fs.chmodSync(dir, 0o700);
  const filePath = path.join(dir, `pressroom-${process.pid}-open.html`);
  // 'wx' refuses a file that is already there (or a link planted in its place); the mode is set at creation.
  fs.writeFileSync(filePath, openerHtml(url), { mode: 0o600, flag: 'wx' });
  fs.chmodSync(filePath, 0o600);
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    clearTimeout(timer);
    process.off('exit', remove);
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder that cannot be removed still holds a file only this user can read.
    }
  };
  const timer = setTimeout(remove, OPENER_FILE_TTL_MS);
  timer.unref();
  process.on('exit', remove);
  return { filePath, remove };
}
