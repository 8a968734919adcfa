// @vitest-environment jsdom
// What a click on a link in the preview does, for links as the sanitizer leaves them: web and mail links ask
// the app's link gate, in-page links scroll, phone and other-scheme links do nothing, and nothing navigates.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardFrameLinks } from './frame-links';
import { sanitizeBlock } from './sanitize';

const options = { baseurl: '', embedLabel: (what: string) => what };
let opened: string[];
let scrolled: string[];
let unguard: () => void;

beforeEach(() => {
  opened = [];
  scrolled = [];
  document.body.innerHTML = '';
  unguard = guardFrameLinks(document, { openExternal: (url) => opened.push(url), scrollTo: (el) => scrolled.push(el.id) });
});
afterEach(() => unguard());

/** Sanitizes `html` as the preview does, puts it into the document and clicks the link with this text. */
function click(html: string, text: string, init: MouseEventInit = { button: 0 }): MouseEvent {
  document.body.append(sanitizeBlock(html, options).fragment);
  const a = [...document.querySelectorAll('a')].find((el) => el.textContent === text)!;
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, ...init });
  a.dispatchEvent(event);
  return event;
}

describe('links in the preview', () => {
  it('hands a mail link to the link gate (which asks before opening the mail program), and never navigates', () => {
    const event = click('<p><a href="mailto:press@example.org">press@example.org</a></p>', 'press@example.org');
    expect(opened).toEqual(['mailto:press@example.org']);
    expect(event.defaultPrevented).toBe(true);
  });

  it('hands a web link to the link gate; a middle click does nothing', () => {
    click('<p><a href="https://example.org/x">web</a></p>', 'web', { button: 1 });
    expect(opened).toEqual([]);
    click('<p><a href="https://example.org/y">web2</a></p>', 'web2');
    expect(opened).toEqual(['https://example.org/y']);
  });

  it('does not dial a phone link: it stays inert text with the number as its tooltip', () => {
    const event = click('<p><a href="tel:+49301234">+49 30 1234</a></p>', '+49 30 1234');
    expect(opened).toEqual([]);
    expect(event.defaultPrevented).toBe(true);
    expect(document.querySelector('a')?.getAttribute('title')).toBe('tel:+49301234');
  });

  it('opens nothing for network-path, ftp: and other-scheme links', () => {
    for (const [i, href] of ['//evil.example/x', 'ftp://evil.example/f', 'sms:+4930', 'callto:x', 'file:///etc/passwd'].entries()) {
      const event = click(`<p><a href="${href}">l${i}</a></p>`, `l${i}`);
      expect(event.defaultPrevented, href).toBe(true);
    }
    expect(opened).toEqual([]);
  });

  it('refuses such links even if one reached the frame unsanitized', () => {
    const openExternal = vi.fn();
    unguard();
    unguard = guardFrameLinks(document, { openExternal, scrollTo: () => undefined });
    for (const href of ['//evil.example/x', 'ftp://evil.example/f', 'tel:+4930', '/\\evil.example']) {
      const a = document.createElement('a');
      a.setAttribute('href', href);
      a.textContent = href;
      document.body.append(a);
      a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('scrolls to an in-page target', () => {
    click('<p id="contact">Contact</p><p><a href="#contact">to contact</a></p>', 'to contact');
    expect(scrolled).toEqual(['contact']);
    expect(opened).toEqual([]);
  });
});
