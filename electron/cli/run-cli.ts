/** Test support: runs the `pressroom` command from source as a real process, the way a user's shell would. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';

/** The app's root folder (the CLI runs with it as the working folder unless told otherwise). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CLI_SOURCE = path.join(REPO_ROOT, 'electron/cli/cli.ts');

/** What a run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pressroom <args>` with its app data in `appDataDir`, so tests never touch the user's settings. */
export function runCli(args: string[], opts: { appDataDir: string; cwd?: string }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, PRESSROOM_APP_DATA: opts.appDataDir, NO_COLOR: '1' },
    });
    outputOf(child).then(resolve, reject);
  });
}

/** What a spawned `pressroom` process printed and how it ended (for tests that start the built bundle themselves). */
export function outputOf(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
