import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from './external-url';

const opens = (url: string) => checkExternalUrl(url).ok;

describe('checkExternalUrl', () => {
  it('opens ordinary web and e-mail links', () => {
    expect(checkExternalUrl('https://example.org/press?id=1&x=2#top')).toEqual({ ok: true, url: 'https://example.org/press?id=1&x=2#top' });
    expect(opens('http://localhost:4000/')).toBe(true);
    expect(opens('https://[::1]:8080/x')).toBe(true);
    expect(opens('https://bücher.example/')).toBe(true);
    expect(opens('https://example.org/user@host/path')).toBe(true);
    expect(checkExternalUrl('mailto:press@example.org?subject=Hi%20there')).toEqual({ ok: true, url: 'mailto:press@example.org?subject=Hi%20there' });
  });

  it('normalizes the scheme to lower case', () => {
    expect(checkExternalUrl('HTTPS://Example.org/')).toEqual({ ok: true, url: 'https://Example.org/' });
  });

  it('refuses schemes that could run or reveal something on this computer', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'smb://server/share', 'ms-settings:', 'C:\\Windows\\system32\\calc.exe', '/usr/bin/xterm', '-e xterm', 'example.org']) {
      const result = checkExternalUrl(url);
      expect(result.ok, url).toBe(false);
    }
  });

  it('refuses credentials in web links, which disguise the real host', () => {
    const result = checkExternalUrl('https://bank.example@evil.example/');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('user name or password') });
    expect(opens('http://user:pw@example.org/')).toBe(false);
    expect(opens('https://evil.example\\@bank.example/')).toBe(false);
  });

  it('refuses whitespace, control and invisible characters', () => {
    for (const url of ['https://exa mple.org', 'https://example.org/\n', 'https://example.org/\u0000', ' https://example.org', 'https://example.org/\u202e', 'https://exa\u200bmple.org', 'java\tscript:alert(1)']) {
      expect(opens(url), JSON.stringify(url)).toBe(false);
    }
  });

  it('refuses malformed hosts and ports', () => {
    for (const url of ['https://', 'https:///path', 'https:example.org', 'http:/example.org', 'https://:80/', 'https://example.org:99999/', 'https://example.org:8a/', 'https://[::1/', 'https://a..b/', 'https://-a.example/', 'https://ex%41mple.org/', 'mailto:', '']) {
      expect(opens(url), url).toBe(false);
    }
  });

  it('refuses links that are too long', () => {
    expect(opens(`https://example.org/${'a'.repeat(9000)}`)).toBe(false);
  });
});
