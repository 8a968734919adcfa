/**
 * The preview's render worker: big posts are rendered here so typing in the editor never waits for Markdown.
 * It sees only the post text and the site's render context; it has no DOM and no app API.
 */
import { type RenderRequest, runRenderJob } from './render-job';

interface WorkerScope {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  scope.postMessage(runRenderJob(event.data));
};
