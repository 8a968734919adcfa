import { describe, expect, it } from 'vitest';
import { createLinkGate } from './external-links';

/** A gate over fakes: `answer` is what the user clicks; the records show what was asked and opened. */
function gateWith(answer: boolean | (() => Promise<boolean>)) {
  const asked: string[] = [];
  const opened: string[] = [];
  const logged: string[] = [];
  const gate = createLinkGate({
    confirm: async (url) => {
      asked.push(url);
      return typeof answer === 'function' ? answer() : answer;
    },
    open: async (url) => void opened.push(url),
    log: (m) => void logged.push(m),
  });
  return { gate, asked, opened, logged };
}

describe('createLinkGate', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'ms-settings:',
    'smb://server/share',
    '',
    'https://exa mple.org/',
  ])('refuses %j without asking the user', async (url) => {
    const { gate, asked, opened, logged } = gateWith(true);
    await expect(gate(url)).resolves.toBe(false);
    expect(asked).toEqual([]);
    expect(opened).toEqual([]);
    expect(logged).toHaveLength(1);
  });

  it('asks about an http link and opens it when the user agrees', async () => {
    const { gate, asked, opened } = gateWith(true);
    await expect(gate('https://example.org/news?id=1')).resolves.toBe(true);
    expect(asked).toEqual(['https://example.org/news?id=1']);
    expect(opened).toEqual(['https://example.org/news?id=1']);
  });

  it('asks about a mailto link too', async () => {
    const { gate, asked, opened } = gateWith(true);
    await expect(gate('mailto:press@example.org')).resolves.toBe(true);
    expect(asked).toEqual(['mailto:press@example.org']);
    expect(opened).toEqual(['mailto:press@example.org']);
  });

  it('does not open the link when the user declines', async () => {
    const { gate, asked, opened } = gateWith(false);
    await expect(gate('http://example.org/')).resolves.toBe(false);
    expect(asked).toEqual(['http://example.org/']);
    expect(opened).toEqual([]);
  });

  it('does not open the link when the question itself fails', async () => {
    const { gate, opened } = gateWith(() => Promise.reject(new Error('no window')));
    await expect(gate('https://example.org/')).resolves.toBe(false);
    expect(opened).toEqual([]);
  });

  it('reports false when the system cannot open the link', async () => {
    const gate = createLinkGate({ confirm: async () => true, open: async () => Promise.reject(new Error('no browser')), log: () => {} });
    await expect(gate('https://example.org/')).resolves.toBe(false);
  });

  it('refuses further links while one question is on screen, so a page cannot stack dialogs', async () => {
    let release: (v: boolean) => void = () => {};
    const { gate, asked, opened } = gateWith(() => new Promise<boolean>((r) => (release = r)));
    const first = gate('https://example.org/1');
    await expect(gate('https://example.org/2')).resolves.toBe(false);
    release(true);
    await expect(first).resolves.toBe(true);
    expect(asked).toEqual(['https://example.org/1']);
    expect(opened).toEqual(['https://example.org/1']);
    // After the answer, the next link is asked about again.
    const third = gate('https://example.org/3');
    release(false);
    await expect(third).resolves.toBe(false);
    expect(asked).toEqual(['https://example.org/1', 'https://example.org/3']);
  });
});
