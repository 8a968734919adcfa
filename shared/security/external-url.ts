/**
 * The gate in front of the operating system's URL opener: content in a post (or a hostile page) must not make
 * Pressroom launch files, scripts or custom protocol handlers, or show a link whose host is not what it seems.
 * Written without the URL global because shared/ has no DOM or Node library.
 */

/** The outcome of checking a URL before handing it to the operating system. */
export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Longest URL passed on; matches the contract's bound on the argument. */
export const MAX_EXTERNAL_URL_LENGTH = 8192;

/** Schemes that open a browser or a mail program and nothing else. */
const ALLOWED_SCHEMES = ['http', 'https', 'mailto'] as const;

// Whitespace, C0/C1 controls, and invisible or direction-changing characters that could disguise a URL.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOST_NAME = /^(?:[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?)(?:\.(?:[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]*[A-Za-z0-9\u00a1-\uffff])?))*\.?$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;

function refuse(reason: string): ExternalUrlCheck {
  return { ok: false, reason };
}

/** Checks the authority of an http(s) URL: a host and optional port, never user name or password. */
function checkAuthority(authority: string): string | null {
  if (authority.includes('@')) return 'Links with a user name or password are not opened.';
  let host: string;
  let portPart: string;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) return 'The link has an invalid host.';
    host = authority.slice(0, close + 1);
    portPart = authority.slice(close + 1);
    if (!IPV6.test(host)) return 'The link has an invalid host.';
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon === -1 ? authority : authority.slice(0, colon);
    portPart = colon === -1 ? '' : authority.slice(colon);
    if (host === '') return 'The link has no host.';
    if (host.length > 253 || !HOST_NAME.test(host)) return 'The link has an invalid host.';
  }
  if (portPart !== '') {
    if (!/^:\d{0,5}$/.test(portPart) || Number(portPart.slice(1)) > 65535) return 'The link has an invalid port.';
  }
  return null;
}

/** Decides whether `url` may be opened outside the app; on success returns it with the scheme in lower case. */
export function checkExternalUrl(url: string): ExternalUrlCheck {
  if (typeof url !== 'string' || url === '') return refuse('The link is empty.');
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return refuse('The link is too long.');
  if (FORBIDDEN_CHARS.test(url)) return refuse('The link contains spaces or invisible characters.');
  const scheme = SCHEME.exec(url);
  if (!scheme) return refuse('The link has no scheme such as https:.');
  const name = scheme[1].toLowerCase();
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(name)) return refuse(`Links of the kind "${name}:" are not opened.`);
  const rest = url.slice(scheme[0].length);

  if (name === 'mailto') {
    if (rest === '' || rest.startsWith('/')) return refuse('The e-mail link has no address.');
    return { ok: true, url: `mailto:${rest}` };
  }

  // Browsers read a backslash as a slash in http(s) URLs, which would let "a\@b" mean a different host than it shows.
  if (url.includes('\\')) return refuse('The link contains a backslash.');
  if (!rest.startsWith('//')) return refuse('The link has no host.');
  const afterSlashes = rest.slice(2);
  const end = afterSlashes.search(/[/?#]/);
  const authority = end === -1 ? afterSlashes : afterSlashes.slice(0, end);
  const problem = checkAuthority(authority);
  if (problem) return refuse(problem);
  return { ok: true, url: `${name}:${rest}` };
}
