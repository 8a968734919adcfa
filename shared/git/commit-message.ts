/**
 * Commit messages as git writes them: a one-line summary, a blank line, the description, and a
 * `Signed-off-by` trailer added exactly where `git commit -s` adds it (so projects that require a DCO
 * sign-off see the same message whichever tool made the commit).
 */

/** Who signs off: the commit's author. */
export interface SignOffPerson {
  name: string;
  email: string;
}

/** The trailer keys git itself writes; one of them lets a mixed last paragraph count as trailers (git's 25 % rule). */
const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '];

/** git's "whitespace" clean-up of `-m`/`-F` messages: no trailing spaces, no leading/trailing or doubled blank lines. */
function cleanUpWhitespace(text: string): string {
  const out: string[] = [];
  let pendingBlank = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/u, '');
    if (line === '') {
      pendingBlank = out.length > 0;
      continue;
    }
    if (pendingBlank) out.push('');
    pendingBlank = false;
    out.push(line);
  }
  return out.join('\n');
}

/** Builds the message a commit gets from the panel's two fields: summary on one line, blank line, description, final newline. */
export function buildCommitMessage(summary: string, description?: string | null): string {
  const title = summary.replace(/\s+/gu, ' ').trim();
  const body = cleanUpWhitespace(description ?? '');
  return body ? `${title}\n\n${body}\n` : `${title}\n`;
}

/** Position of a trailer's separator as git's `find_separator` finds it (token of letters, digits and '-'), else -1. */
function separatorAt(line: string): number {
  let whitespaceFound = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ':') return i;
    if (!whitespaceFound && /[A-Za-z0-9-]/.test(c)) continue;
    if (i > 0 && (c === ' ' || c === '\t')) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

const isBlank = (line: string): boolean => line.trim() === '';
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

/** The lines of a message's final trailer block (continuation lines folded into their trailer), and where it starts; start -1 when there is none. */
function trailerBlock(lines: string[]): { start: number; trailers: string[] } {
  // The first paragraph is the title and can never be trailers.
  let endOfTitle = 0;
  while (endOfTitle < lines.length && (lines[endOfTitle]!.startsWith('#') || !isBlank(lines[endOfTitle]!))) endOfTitle++;
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuation = 0;
  let start = -1;
  for (let i = lines.length - 1; i >= endOfTitle; i--) {
    const line = lines[i]!;
    if (line.startsWith('#')) {
      nonTrailerLines += possibleContinuation;
      possibleContinuation = 0;
      continue;
    }
    if (isBlank(line)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuation;
      if ((recognizedPrefix && trailerLines * 3 >= nonTrailerLines) || (trailerLines > 0 && nonTrailerLines === 0)) start = i + 1;
      break;
    }
    onlySpaces = false;
    if (GIT_GENERATED_PREFIXES.some((p) => line.startsWith(p))) {
      trailerLines++;
      possibleContinuation = 0;
      recognizedPrefix = true;
    } else if (separatorAt(line) >= 1 && !isSpace(line[0])) {
      trailerLines++;
      possibleContinuation = 0;
    } else if (isSpace(line[0])) {
      possibleContinuation++;
    } else {
      nonTrailerLines += 1 + possibleContinuation;
      possibleContinuation = 0;
    }
  }
  if (start < 0) return { start: -1, trailers: [] };
  const trailers: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#') || isBlank(line)) continue;
    if (isSpace(line[0]) && trailers.length > 0 && separatorAt(line) < 1) trailers[trailers.length - 1] += `\n${line}`;
    else trailers.push(line);
  }
  return { start, trailers };
}

/** Splits a message into lines without the final newline's empty tail. */
function messageLines(message: string): string[] {
  const text = message.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The trailer line a sign-off adds: `Signed-off-by: Name <email>`. */
export function signOffLine(person: SignOffPerson): string {
  return `Signed-off-by: ${person.name.trim()} <${person.email.trim()}>`;
}

/**
 * Adds the author's `Signed-off-by` trailer as `git commit -s` does: into the final trailer block when the last
 * paragraph already is one, else after a blank line; nothing when that exact line is already the last trailer.
 */
export function addSignOffTrailer(message: string, person: SignOffPerson): string {
  const sob = signOffLine(person);
  const lines = messageLines(message);
  const { start, trailers } = trailerBlock(lines);
  if (start >= 0 && trailers[trailers.length - 1] === sob) return `${lines.join('\n')}\n`;
  // Drop trailing blank lines so the trailer follows the message (or its block) directly.
  while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
  if (lines.length === 0) return `\n${sob}\n`;
  if (start < 0) lines.push('');
  lines.push(sob);
  return `${lines.join('\n')}\n`;
}

/**
 * Whether a message carries a `Signed-off-by` line (of `email`, compared without case, when given): the check
 * DCO bots make, which read every line of the message, not only the final trailer block.
 */
export function hasSignOff(message: string, email?: string): boolean {
  const want = email?.trim().toLowerCase();
  return messageLines(message).some((line) => {
    const m = /^signed-off-by\s*:\s*(.*)$/iu.exec(line);
    if (!m) return false;
    if (want === undefined) return true;
    const addr = /<([^>]*)>\s*$/u.exec(m[1]!);
    return addr !== null && addr[1]!.trim().toLowerCase() === want;
  });
}
