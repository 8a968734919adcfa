// `npm test` starts here: one line per missing tool, before any test runs, instead of a failure per test. The
// browser is found as the app's PDF export and the e2e harness find it (never downloaded).
import { spawnSync } from 'node:child_process';
import { findChromium, missingChromiumMessage } from '../electron/services/export/find-chromium';
import { messageOf } from '../shared/contract/errors';

/** True when `command --version` (or `-v`) runs. */
function runs(command: string, flag = '--version'): boolean {
  const r = spawnSync(command, [flag], { stdio: 'ignore' });
  return r.error === undefined && r.status === 0;
}

const problems: string[] = [];
try {
  if (!findChromium('browse')) problems.push(missingChromiumMessage(process.platform, 'browse'));
} catch (error) {
  problems.push(messageOf(error));
}
if (!runs('pdftotext', '-v')) problems.push('No pdftotext: the tests read exported PDFs back with poppler (Debian/Ubuntu: apt-get install poppler-utils).');
if (!runs('git')) problems.push('No git: the tests read back what Pressroom committed with the git command (Debian/Ubuntu: apt-get install git).');
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${p}\n`);
  process.exit(1);
}
