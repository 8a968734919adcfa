// One command on a fresh machine: install dependencies exactly as locked, build, and start Pressroom
// (the desktop window where Electron can start, browser mode where it cannot).
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const steps = [
  ['ci', '--no-audit', '--no-fund'],
  ['start', '--', ...process.argv.slice(2)],
];
for (const args of steps) {
  const result = spawnSync(npm, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`pressroom setup: "npm ${args.join(' ')}" failed.`);
    process.exit(result.status ?? 1);
  }
}
