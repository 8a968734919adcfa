/**
 * Clicks in the preview never navigate the frame or the app: the app listens on the frame's document and
 * cancels every link activation; `#id` links scroll the frame, web and mail links go to the app's link gate
 * (which asks before opening the browser), anything else does nothing.
 */
import { classifyLink } from '../../../shared/render/url-policy';

/** What the frame's links may do. */
export interface FrameLinkActions {
  /** A web or mail link: hand it to the app's confirm-then-open flow. */
  openExternal(url: string): void;
  /** An in-page link: scroll the frame to this element. */
  scrollTo(el: Element): void;
}

function anchorOf(target: EventTarget | null): Element | null {
  const node = target as Node | null;
  const el = node && node.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  return el?.closest('a, area') ?? null;
}

/** Installs the listeners on the frame's document; returns the function that removes them. */
export function guardFrameLinks(doc: Document, actions: FrameLinkActions): () => void {
  const onActivate = (event: Event) => {
    const anchor = anchorOf(event.target);
    if (!anchor) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.type !== 'click' || (event as MouseEvent).button !== 0) return;
    const href = anchor.getAttribute('href');
    if (href === null) return;
    const kind = classifyLink(href);
    if (kind === 'external') actions.openExternal(href.trim());
    else if (kind === 'anchor') {
      let id = href.trim().slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Use it as written.
      }
      const el = id ? doc.getElementById(id) : null;
      if (el) actions.scrollTo(el);
    }
  };
  const cancel = (event: Event) => event.preventDefault();
  doc.addEventListener('click', onActivate, true);
  doc.addEventListener('auxclick', onActivate, true);
  // Dragging a link or image out of the frame would hand its URL to whatever it is dropped on.
  doc.addEventListener('dragstart', cancel, true);
  doc.addEventListener('submit', cancel, true);
  return () => {
    doc.removeEventListener('click', onActivate, true);
    doc.removeEventListener('auxclick', onActivate, true);
    doc.removeEventListener('dragstart', cancel, true);
    doc.removeEventListener('submit', cancel, true);
  };
}
