/**
 * Hostile and edge-case posts with the verdict every reader of front matter must reach (the list, the form,
 * the editor, the preview). The agreement tests of each reader run this one table, so a reader that decides
 * differently about a post's front matter fails a test instead of disagreeing with the others in the app.
 */
import { MAX_FRONT_MATTER_CHARS } from './split';

/** What a post's front matter is: a readable block, no block, or the one problem that every reader names. */
export type AgreedVerdict = 'yaml' | 'none' | 'unclosed' | 'code-front-matter' | 'too-large' | 'yaml-syntax' | 'duplicate-key' | 'too-deep' | 'alias-limit' | 'wrong-type';

/** One post text and the verdict (with the data when the block is readable). */
export interface AgreementCase {
  name: string;
  text: string;
  verdict: AgreedVerdict;
  data?: Record<string, unknown>;
}

function aliasBomb(): string {
  let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return bomb;
}

/** A block of exactly `chars` characters of YAML (one `notes:` line). */
function yamlOfLength(chars: number): string {
  return `notes: ${'x'.repeat(chars - 8)}\n`;
}

/** The table: every entry names what it probes. */
export const AGREEMENT_CASES: readonly AgreementCase[] = [
  { name: 'plain block', text: '---\ntitle: A\n---\nBody\n', verdict: 'yaml', data: { title: 'A' } },
  { name: 'byte-order mark', text: '\uFEFF---\ntitle: A\n---\nBody\n', verdict: 'yaml', data: { title: 'A' } },
  { name: 'CRLF line endings', text: '---\r\ntitle: A\r\n---\r\nBody\r\n', verdict: 'yaml', data: { title: 'A' } },
  { name: 'BOM and CRLF', text: '\uFEFF---\r\ntitle: A\r\n...\r\nBody\r\n', verdict: 'yaml', data: { title: 'A' } },
  { name: '--- with trailing spaces and tabs', text: '---  \ntitle: A\n--- \t\nBody\n', verdict: 'yaml', data: { title: 'A' } },
  { name: '... closing line', text: '---\ntitle: A\n...\nBody\n', verdict: 'yaml', data: { title: 'A' } },
  { name: '---yaml opening', text: '---yaml\ntitle: A\n---\n', verdict: 'yaml', data: { title: 'A' } },
  { name: 'closing line at the very end', text: '---\ntitle: A\n---', verdict: 'yaml', data: { title: 'A' } },
  { name: 'a later --- in the body', text: '---\ntitle: A\n---\n---\nnot: front matter\n---\n', verdict: 'yaml', data: { title: 'A' } },
  { name: 'empty front matter', text: '---\n---\nBody\n', verdict: 'yaml', data: {} },
  { name: 'empty front matter with CRLF', text: '---\r\n---\r\n', verdict: 'yaml', data: {} },
  { name: 'a file that is only ---', text: '---', verdict: 'none' },
  { name: 'only --- and spaces', text: '---   ', verdict: 'none' },
  { name: 'only --- and a line break', text: '---\n', verdict: 'unclosed' },
  { name: 'no closing delimiter', text: '---\ntitle: A\nBody without end\n', verdict: 'unclosed' },
  { name: 'closing ---- is not a delimiter', text: '---\ntitle: A\n----\nBody\n', verdict: 'unclosed' },
  { name: 'no front matter', text: 'Just a body\n---\n', verdict: 'none' },
  { name: 'carriage returns only (old Mac)', text: '---\rtitle: A\r---\rBody', verdict: 'none' },
  { name: 'four dashes', text: '----\ntitle: A\n----\n', verdict: 'none' },
  { name: 'indented ---', text: ' ---\ntitle: A\n---\n', verdict: 'none' },
  { name: '---js', text: '---js\n({ title: (globalThis.__agreementRan = 1) })\n---\nBody\n', verdict: 'code-front-matter' },
  { name: '--- js (with a space)', text: '--- js\n({ title: (globalThis.__agreementRan = 1) })\n---\n', verdict: 'code-front-matter' },
  { name: '---JavaScript with CRLF', text: '---JavaScript\r\n({ title: 1 })\r\n---\r\n', verdict: 'code-front-matter' },
  { name: '---coffee', text: '---coffee\ntitle: "x"\n---\n', verdict: 'code-front-matter' },
  { name: ';;; JavaScript', text: ';;;\n{"title": "x"}\n;;;\nBody\n', verdict: 'code-front-matter' },
  { name: '---json', text: '---json\n{"title": "x"}\n---\n', verdict: 'code-front-matter' },
  { name: '---toml', text: '---toml\ntitle = "x"\n---\n', verdict: 'code-front-matter' },
  { name: 'code behind a BOM', text: '\uFEFF---js\n({ title: 1 })\n---\n', verdict: 'code-front-matter' },
  { name: 'code without a line break', text: '---js ({ title: 1 })', verdict: 'code-front-matter' },
  { name: 'block exactly at the size limit', text: `---\n${yamlOfLength(MAX_FRONT_MATTER_CHARS)}---\nBody\n`, verdict: 'yaml' },
  { name: 'block one byte over the limit', text: `---\n${yamlOfLength(MAX_FRONT_MATTER_CHARS + 1)}---\nBody\n`, verdict: 'too-large' },
  { name: 'unclosed block over the limit on one line', text: `---\ntitle: ${'x'.repeat(MAX_FRONT_MATTER_CHARS + 10)}`, verdict: 'too-large' },
  { name: 'deep flow nesting', text: `---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`, verdict: 'too-deep' },
  { name: 'deep block nesting', text: `---\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n---\n`, verdict: 'too-deep' },
  { name: 'alias bomb', text: `---\n${aliasBomb()}---\n`, verdict: 'alias-limit' },
  { name: 'broken YAML', text: '---\ntitle: A\ntags: [a, b\n---\n', verdict: 'yaml-syntax' },
  { name: 'duplicate keys', text: '---\ntitle: A\ntitle: B\n---\n', verdict: 'duplicate-key' },
  { name: 'a list instead of fields', text: '---\n- a\n- b\n---\n', verdict: 'wrong-type' },
  { name: 'YAML 1.1 booleans and dates as written', text: '---\npublished: no\ndate: 2024-05-01 10:00:00 +0200\n---\n', verdict: 'yaml', data: { published: false, date: '2024-05-01 10:00:00 +0200' } },
];
