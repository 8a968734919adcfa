/**
 * The one gate every external link passes: the URL is checked first (only http, https and mailto leave the
 * app), then the user is asked, and only then does the operating system open it. Nothing else in the app
 * calls `shell.openExternal`, so no page or call can open a program or a file on its own.
 */
import { checkExternalUrl } from '../../shared/security/external-url';

/** What the gate needs from Electron; main.ts passes a message box and `shell.openExternal`, tests pass fakes. */
export interface LinkGateDeps {
  /** Asks the user whether to open the (already checked) URL; resolves true only on an explicit yes. */
  confirm(url: string): Promise<boolean>;
  /** Hands the URL to the operating system's browser or mail program. */
  open(url: string): Promise<void>;
  /** Receives refusals and failures, for the log; the user is not bothered with them. */
  log?(message: string): void;
}

/** Opens a URL outside the app when it is safe and the user agrees; resolves whether it was opened. */
export type LinkGate = (url: string) => Promise<boolean>;

/**
 * Creates the gate. While one question is on screen, further requests are refused rather than queued, so a
 * page that calls `window.open` in a loop cannot bury the user in dialogs.
 */
export function createLinkGate(deps: LinkGateDeps): LinkGate {
  const log = deps.log ?? ((message: string) => console.warn(message));
  let asking = false;
  return async (url: string): Promise<boolean> => {
    const checked = checkExternalUrl(typeof url === 'string' ? url : String(url));
    if (!checked.ok) {
      log(`pressroom: refused to open an external link: ${checked.reason}`);
      return false;
    }
    if (asking) {
      log('pressroom: refused an external link while another one waits for an answer');
      return false;
    }
    asking = true;
    let agreed: boolean;
    try {
      agreed = await deps.confirm(checked.url);
    } catch (error) {
      log(`pressroom: could not ask about an external link: ${String(error)}`);
      agreed = false;
    } finally {
      asking = false;
    }
    if (agreed !== true) return false;
    try {
      await deps.open(checked.url);
      return true;
    } catch (error) {
      log(`pressroom: the system could not open an external link: ${String(error)}`);
      return false;
    }
  };
}
