import { describe, expect, it } from 'vitest';
import { MAX_FRONT_MATTER_CHARS, splitFrontMatter } from './split';

describe('splitFrontMatter', () => {
  it('finds the block and the body with exact offsets and lines', () => {
    const text = '---\ntitle: Hello\nlayout: post\n---\nBody line\n';
    const s = splitFrontMatter(text);
    expect(s.kind).toBe('yaml');
    expect(s.yaml).toBe('title: Hello\nlayout: post\n');
    expect(text.slice(s.yamlStart, s.yamlEnd)).toBe(s.yaml);
    expect(s.yamlLine).toBe(2);
    expect(s.closeLine).toBe(4);
    expect(text.slice(s.closeStart, s.bodyStart)).toBe('---\n');
    expect(s.body).toBe('Body line\n');
    expect(s.bodyLine).toBe(5);
    expect(s.problem).toBeNull();
  });

  it('keeps CRLF and a byte-order mark out of the YAML but inside the offsets', () => {
    const text = '\uFEFF---\r\ntitle: Hi\r\n---\r\nBody\r\n';
    const s = splitFrontMatter(text);
    expect(s.bom).toBe(true);
    expect(s.eol).toBe('\r\n');
    expect(s.yaml).toBe('title: Hi\r\n');
    expect(text.slice(s.yamlStart, s.yamlEnd)).toBe('title: Hi\r\n');
    expect(s.body).toBe('Body\r\n');
    expect(s.bodyLine).toBe(4);
  });

  it('accepts "..." as the closing line, trailing spaces, an empty block and a block at the very end', () => {
    expect(splitFrontMatter('---\na: 1\n...\nbody').body).toBe('body');
    expect(splitFrontMatter('---  \na: 1\n---   \nbody').yaml).toBe('a: 1\n');
    expect(splitFrontMatter('---\n---\nbody')).toMatchObject({ kind: 'yaml', yaml: '', body: 'body', bodyLine: 3 });
    expect(splitFrontMatter('---\na: 1\n---')).toMatchObject({ kind: 'yaml', yaml: 'a: 1\n', body: '' });
  });

  it('treats text without an opening --- line as all body', () => {
    for (const text of ['Just text\n---\n', '----\na: 1\n----\n', '', ' ---\na: 1\n---\n']) {
      const s = splitFrontMatter(text);
      expect(s.kind).toBe('none');
      expect(s.body).toBe(text);
      expect(s.problem).toBeNull();
    }
  });

  it('reports an unclosed block on line 1 and leaves the whole text as body', () => {
    const s = splitFrontMatter('---\ntitle: Hi\nBody without end\n');
    expect(s.kind).toBe('invalid');
    expect(s.problem).toMatchObject({ code: 'unclosed', line: 1 });
    expect(s.body).toBe('---\ntitle: Hi\nBody without end\n');
  });

  it('reports code front matter and never reads it', () => {
    for (const open of ['---js', '---javascript', '--- coffee', '---CoffeeScript', '---cson']) {
      const s = splitFrontMatter(`${open}\n({ title: (globalThis.x = 1) })\n---\nbody\n`);
      expect(s.problem?.code, open).toBe('code-front-matter');
      expect(s.problem?.message).toMatch(/never run/);
      expect(s.yaml).toBe('');
    }
    expect(splitFrontMatter(';;;\n{"title": "x"}\n;;;\nbody').problem).toMatchObject({ code: 'code-front-matter', line: 1 });
    expect(splitFrontMatter('---toml\ntitle = "x"\n---\n').problem?.message).toMatch(/not YAML/);
    expect((globalThis as Record<string, unknown>).x).toBeUndefined();
  });

  it('accepts ---yaml as YAML, as gray-matter does', () => {
    expect(splitFrontMatter('---yaml\na: 1\n---\n').yaml).toBe('a: 1\n');
  });

  // The runner's test timeout (30 s, vitest.config.ts) is the hang guard; speed is not asserted in unit tests.
  it('refuses a block over the limit, closed or not', () => {
    const big = `---\n${'x: 1\n'.repeat(MAX_FRONT_MATTER_CHARS / 5 + 10)}`;
    expect(splitFrontMatter(`${big}---\nbody`).problem?.code).toBe('too-large');
    expect(splitFrontMatter(big).problem?.code).toBe('too-large');
  });
});
