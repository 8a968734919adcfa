/**
 * The `pressroom` command: the app's services without a window, for scripts, checks and a quick look at a
 * site from a terminal, and the way to run the app in a browser.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppFailure, messageOf } from '../../shared/contract/errors';
import type { PostEntry } from '../../shared/contract/models';
import { openSite } from '../services/site';
import { RENDER_HELP, renderFile } from './render-command';
import { FRONTMATTER_HELP, runFrontmatter } from './frontmatter-command';
import { GIT_HELP, runGit } from './git-command';

/** Where the CLI writes; tests and embedders may capture it. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Exit codes: success, a failure the user should read about, a command line that was not understood. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const HELP: Record<'main' | 'posts' | 'serve' | 'render', string> = {
  main: `Usage: pressroom <command> [options]

Pressroom edits press releases and blog posts of Jekyll sites. These commands use the same
services as the app; only "frontmatter --set", "figure", "git" and "export" write files.

Commands:
  posts <site> [--json]                     List the posts and drafts of a site, newest first.
  serve [<site>] [--port <n>] [--no-open]   Run Pressroom in your web browser (loopback only).
  render <file> [--site <dir>]              Print a post's HTML body as the preview renders it.
  frontmatter <file> --get <key> | --set <key>=<value>
                                            Read or change one front-matter field of a post.
  git status|commit|push|pull|branch <site> …
                                            Work with the site's git repository (no git needed).
  figure <site> <image> --alt <text> [--caption <text>] [--credit <text>] [--post <file>]
                                            Copy an image into the site and print its figure snippet.
  export <file> --html <out> | --pdf <out> [--site <dir>] [--page-size A4|Letter]
                                            Export a post as standalone HTML or as a PDF.
  help [<command>]                          Show this help, or the help of one command.

Options:
  -h, --help                                Show help; "pressroom <command> --help" for a command.

Exit status: 0 on success, 1 when the command failed, 2 when the command line was not understood.
`,
  posts: `Usage: pressroom posts <site> [--json]

Lists the posts and drafts of the Jekyll site in the folder <site>, newest first: date, language,
category, draft mark, title and path. A post that is a symlink shows "→ <target>"; a post that
cannot be read shows "! <reason>" and the rest of the list stays usable.

Options:
  --json       Print the list as JSON (an array of posts with path, title, date, dateSource, slug,
               language, category, categories, layout, draft, symlinkTarget, symlinkLanguage,
               error and size).
  -h, --help   Show this help.
`,
  serve: `Usage: pressroom serve [<site>] [--port <n>] [--no-open]

Runs Pressroom in your web browser, served on 127.0.0.1 only. The first line printed is the address
to open (it carries a secret token; keep it to yourself). It keeps working until the server stops, so a
closed tab can be opened again from it. With <site>, the site opens at once. Stops on Ctrl+C.

Options:
  --port <n>   Listen on port <n> (1-65535); by default a free port is chosen.
  --no-open    Do not open a browser; just print the address.
  -h, --help   Show this help.
`,
  render: RENDER_HELP,
};

class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

function parse(args: string[], options: OptionSpec): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** The post list as a table for people: one line per post. */
export function formatPostTable(posts: PostEntry[]): string {
  if (posts.length === 0) return 'No posts.\n';
  const rows = posts.map((p) => ({
    date: p.date ?? '—',
    language: p.language ?? '—',
    category: clip(p.category ?? '—', 20),
    draft: p.draft ? 'draft' : '',
    title: clip(p.title.replace(/\s+/g, ' '), 60),
    path: p.path + (p.symlinkTarget ? ` → ${p.symlinkTarget}` : '') + (p.error ? `  ! ${p.error}` : ''),
  }));
  const header = { date: 'DATE', language: 'LANG', category: 'CATEGORY', draft: 'DRAFT', title: 'TITLE', path: 'PATH' };
  const cols = ['date', 'language', 'category', 'draft', 'title'] as const;
  const widths = Object.fromEntries(cols.map((c) => [c, Math.max(header[c].length, ...rows.map((r) => r[c].length))])) as Record<(typeof cols)[number], number>;
  const line = (r: typeof header) => `${cols.map((c) => pad(r[c], widths[c])).join('  ')}  ${r.path}`.trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}

async function runPosts(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (values.help) {
    io.stdout(HELP.posts);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'posts needs the folder of a site' : `unexpected argument "${positionals[1]}"`);
  const { posts } = await openSite(positionals[0]);
  io.stdout(values.json ? `${JSON.stringify(posts, null, 2)}\n` : formatPostTable(posts));
  return EXIT_OK;
}

function parsePort(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  // 0 asks the system for a free port, as tests and scripts that run several servers do.
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${String(value)}"`);
  return port;
}

/** Resolves when the process is asked to stop (Ctrl+C or a service manager). */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function runServe(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { port: { type: 'string' }, 'no-open': { type: 'boolean' } });
  if (values.help) {
    io.stdout(HELP.serve);
    return EXIT_OK;
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const port = parsePort(values.port);
  const site = positionals[0];
  if (site !== undefined) {
    const stat = await fs.stat(site).catch(() => null);
    if (!stat?.isDirectory()) throw new AppFailure('not-found', `There is no folder at ${site}.`, { path: site });
  }
  // Loaded on demand so `pressroom posts` never pulls in the server.
  const { startBrowserMode } = await import('../server/start-browser-mode');
  const server = await startBrowserMode({
    site: site === undefined ? undefined : path.resolve(site),
    port,
    open: !values['no-open'],
    log: (message) => io.stderr(`${message}\n`),
  });
  const stopped = untilStopped();
  io.stdout(`${server.url}\n`);
  io.stderr('Pressroom is running; press Ctrl+C to stop.\n');
  await stopped;
  await server.close();
  return EXIT_OK;
}

async function runRender(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { site: { type: 'string' } });
  if (values.help) {
    io.stdout(HELP.render);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'render needs the file of a post' : `unexpected argument "${positionals[1]}"`);
  const file = positionals[0];
  const { output } = await renderFile(file, typeof values.site === 'string' ? values.site : undefined);
  io.stdout(output.html);
  for (const p of output.problems) io.stderr(`${file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  return EXIT_OK;
}

/** Runs the command line `argv` (without node and the script) and resolves to the exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'posts':
        return await runPosts(rest, io);
      case 'serve':
        return await runServe(rest, io);
      case 'render':
        return await runRender(rest, io);
      case 'frontmatter':
        return await runFrontmatter(rest, io);
      case 'git':
        return await runGit(rest, io);
      case 'figure':
        // Loaded on demand: it brings the native image library, which no other command needs.
        return await (await import('./figure-command')).runFigure(rest, io);
      case 'export':
        return await (await import('./export-command')).runExport(rest, io);
      case '-h':
      case '--help':
        io.stdout(HELP.main);
        return EXIT_OK;
      case 'help': {
        const topic = rest[0];
        if (topic === undefined) io.stdout(HELP.main);
        else if (topic === 'posts' || topic === 'serve' || topic === 'render') io.stdout(HELP[topic]);
        else if (topic === 'frontmatter') io.stdout(FRONTMATTER_HELP);
        else if (topic === 'git') io.stdout(GIT_HELP);
        else if (topic === 'figure') io.stdout((await import('./figure-command')).FIGURE_HELP);
        else if (topic === 'export') io.stdout((await import('./export-command')).EXPORT_HELP);
        else throw new UsageError(`there is no command "${topic}"`);
        return EXIT_OK;
      }
      case undefined:
        throw new UsageError('a command is needed');
      default:
        throw new UsageError(`there is no command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const help = command === 'posts' || command === 'serve' || command === 'render' ? HELP[command] : HELP.main;
      io.stderr(`pressroom: ${error.message}\n\n${help}`);
      return EXIT_USAGE;
    }
    const message = error instanceof AppFailure ? error.message : messageOf(error);
    io.stderr(`pressroom: ${message}\n`);
    return EXIT_FAILURE;
  }
}

/** True when this file is the program being run (bundled as cli.cjs, run through bin/pressroom, or by tsx). */
function isEntry(): boolean {
  const script = process.argv[1] ? path.basename(process.argv[1]) : '';
  return /^(cli\.(ts|cjs|js|mjs)|pressroom(\.cjs)?)$/.test(script);
}

if (isEntry()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
