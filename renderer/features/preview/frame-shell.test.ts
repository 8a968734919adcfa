// The preview frame's own policy: nothing but our stylesheet and images we made; web images only after consent.
import { describe, expect, it } from 'vitest';
import { FRAME_SANDBOX, frameCsp, frameShell } from './frame-shell';

describe('frame shell', () => {
  it('allows no script, frame, form, font or connection, and web images only when allowed', () => {
    const strict = frameCsp('http://127.0.0.1:5000', false);
    expect(strict).toContain("default-src 'none'");
    expect(strict).toContain("script-src 'none'");
    expect(strict).toContain('img-src blob: data:;');
    expect(strict).not.toMatch(/https?:;|https?: /);
    expect(frameCsp(null, true)).toContain('img-src blob: data: https: http:');
    expect(FRAME_SANDBOX).toBe('allow-same-origin');
  });

  it('writes the policy, no referrer and the stylesheet into the shell, escaping what it quotes', () => {
    const shell = frameShell({ stylesheet: 'http://127.0.0.1:5000/assets/p.css', remote: false, lang: 'de"><script>', theme: 'dark' });
    expect(shell).toContain('<meta http-equiv="Content-Security-Policy" content="default-src');
    expect(shell).toContain('<meta name="referrer" content="no-referrer">');
    expect(shell).toContain("style-src 'self' http://127.0.0.1:5000");
    expect(shell).not.toContain('<script>');
    expect(shell).toContain('id="pr-article"');
  });
});
