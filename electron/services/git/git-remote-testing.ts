/**
 * Test kit: a REAL git remote over HTTP on 127.0.0.1 — `git http-backend` run as CGI behind a small Node server
 * with basic auth — so clone, pull and push are proven against what a hosting service speaks. Used by the unit
 * tests of the git area and by e2e tests; it depends on Node and the installed `git` only. The server runs in the
 * calling process: run the `git` command against it asynchronously (execFile), never with execFileSync.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AuthProvider } from './remote-auth';

/** Where `git http-backend` lives on Debian/Ubuntu (and most Linux); `git --exec-path` finds it elsewhere. */
function httpBackendPath(): string {
  const standard = '/usr/lib/git-core/git-http-backend';
  if (fs.existsSync(standard)) return standard;
  const execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
  return path.join(execPath, 'git-http-backend');
}

/** The credentials the remote accepts by default. */
export const REMOTE_USER = 'tester';
export const REMOTE_TOKEN = 'secret-token-123';

/** The services' credential prompt answering with the credentials the remote accepts by default. */
export const acceptedAuth: AuthProvider = async () => ({ username: REMOTE_USER, password: REMOTE_TOKEN });

/** A running git remote: where it is, how to make repositories on it, and how many requests reached it. */
export interface GitRemoteServer {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** The folder holding the bare repositories (GIT_PROJECT_ROOT). */
  dir: string;
  /** The clone URL of a repository: `<baseUrl>/<name>.git` (no credentials in it). */
  url(repoName: string): string;
  /** Makes `<name>.git` (HEAD on main, pushes allowed), seeded with every branch and tag of `seedFrom` when given; returns its path. */
  createBare(name: string, seedFrom?: string): string;
  /** How many HTTP requests reached the server (including refused ones). */
  readonly requests: number;
  /** Stops the server and removes the repositories. */
  close(): Promise<void>;
}

/** Runs the real `git` with a clean environment (no GIT_DIR and friends from the test runner) and returns stdout. */
function runGit(args: string[], cwd?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return env;
}

/** Starts a git remote over HTTP with basic auth (`username`/`token`, defaults REMOTE_USER/REMOTE_TOKEN). */
export async function startGitRemote(options: { username?: string; token?: string } = {}): Promise<GitRemoteServer> {
  const username = options.username ?? REMOTE_USER;
  const token = options.token ?? REMOTE_TOKEN;
  const expected = 'Basic ' + Buffer.from(`${username}:${token}`).toString('base64');
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-remote-')));
  const backend = httpBackendPath();
  let requests = 0;

  const server = http.createServer((req, res) => {
    requests++;
    if (req.headers.authorization !== expected) {
      req.resume();
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="pressroom-test"', 'Content-Type': 'text/plain' });
      res.end('Authentication required\n');
      return;
    }
    serveCgi(backend, dir, username, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    dir,
    url: (name) => `${baseUrl}/${name}.git`,
    createBare(name, seedFrom) {
      const bare = path.join(dir, `${name}.git`);
      runGit(['init', '--quiet', '--bare', '--initial-branch=main', bare]);
      runGit(['config', 'http.receivepack', 'true'], bare);
      if (seedFrom) {
        runGit(['push', '--quiet', bare, 'refs/heads/*:refs/heads/*', 'refs/tags/*:refs/tags/*'], seedFrom);
        const head = runGit(['symbolic-ref', '--quiet', 'HEAD'], seedFrom).trim();
        runGit(['symbolic-ref', 'HEAD', head], bare);
      }
      return bare;
    },
    get requests() {
      return requests;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one request through `git http-backend` as CGI (RFC 3875) and relays its answer. */
function serveCgi(backend: string, root: string, user: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    GIT_PROJECT_ROOT: root,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: `HTTP/${req.httpVersion}`,
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.replace(/^\?/, ''),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_USER: user,
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
  };
  const length = req.headers['content-length'];
  if (length !== undefined) env.CONTENT_LENGTH = length;
  // A gzip body is passed through untouched: http-backend inflates it itself when told the encoding.
  const encoding = req.headers['content-encoding'];
  if (encoding) env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = req.headers['git-protocol'];
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol;

  const child = spawn(backend, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  req.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  let head = Buffer.alloc(0);
  let headerDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headerDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = findHeaderEnd(head);
    if (!end) return;
    headerDone = true;
    const { status, headers } = parseCgiHeaders(head.subarray(0, end.start).toString('latin1'));
    res.writeHead(status, headers);
    const rest = head.subarray(end.bodyStart);
    if (rest.length) res.write(rest);
  });
  child.on('close', (code) => {
    if (!headerDone) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`git http-backend failed (${code}): ${stderr}\n`);
      return;
    }
    res.end();
  });
  child.on('error', (error) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(`git http-backend could not start: ${error.message}\n`);
  });
}

/** Where the CGI header block ends (a blank line, CRLF or LF). */
function findHeaderEnd(buf: Buffer): { start: number; bodyStart: number } | null {
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { start: crlf, bodyStart: crlf + 4 };
  if (lf >= 0) return { start: lf, bodyStart: lf + 2 };
  return null;
}

/** Turns CGI headers into an HTTP status and headers (`Status: 404 Not Found` sets the status). */
function parseCgiHeaders(block: string): { status: number; headers: Record<string, string> } {
  let status = 200;
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  return { status, headers };
}

/** A URL on 127.0.0.1 where nothing listens (a port just opened and closed), for "host unreachable" tests. */
export async function unreachableUrl(repoName = 'nowhere'): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/${repoName}.git`;
}

/** A server that accepts connections and never answers, for timeout tests; `close()` stops it. */
export async function startSilentServer(): Promise<{ url: (repoName: string) => string; close: () => Promise<void> }> {
  const server = http.createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (name) => `${base}/${name}.git`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
