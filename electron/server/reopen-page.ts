/**
 * What a reload of the page gets in browser mode. The page strips the token from its address, so a reload asks
 * for `/` with no credential (never a cookie); the answer is this refusal page, whose script finds the token the
 * tab kept in its sessionStorage and returns to `/?token=…` once. Another tab, another browser or a local
 * program without that storage sees only the refusal text.
 */
import { TOKEN_QUERY, TOKEN_STORAGE_KEY } from '../../shared/contract/transport';

/** Where the reopen script is served; public, since it is the same few bytes for everyone and holds no secret. */
export const REOPEN_SCRIPT_PATH = '/pressroom-reopen.js';

/** The refusal page for `/` without a token: the message, and the script that signs the tab back in. */
export const REOPEN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pressroom</title><script src="${REOPEN_SCRIPT_PATH}"></script></head>
<body><p>Pressroom: open the address printed in the terminal where Pressroom started (it carries the token).</p></body>
</html>
`;

/**
 * Returns to the page's address with the tab's token, unless the address already had one (a wrong or stale
 * token then gets the server's refusal instead of a loop). Written as plain ES5 so it runs before anything loads.
 */
export const REOPEN_SCRIPT = `(function () {
  var token = null;
  try { token = window.sessionStorage.getItem(${JSON.stringify(TOKEN_STORAGE_KEY)}); } catch (e) { return; }
  if (!token || !/^[0-9a-f]{32}$/.test(token)) return;
  var params = new URLSearchParams(window.location.search);
  if (params.has(${JSON.stringify(TOKEN_QUERY)})) return;
  params.set(${JSON.stringify(TOKEN_QUERY)}, token);
  window.location.replace(window.location.pathname + '?' + params.toString() + window.location.hash);
})();
`;
