/**
 * Runs preview renders off the keystroke path: at most one render at a time, always of the latest text. Short
 * posts render just before the next frame (the one that shows the keystroke); big posts start after the browser painted the
 * keystroke and render in a Web Worker, so the editor never waits for Markdown.
 */
import type { SiteRenderContext } from '../../../shared/contract/models';
import type { DocText } from '../../common/editor-bridge';
import { type RenderRequest, type RenderResult, runRenderJob } from './render-job';

/** Posts at least this long (characters) are rendered in the worker. */
export const WORKER_THRESHOLD = 16_000;

/** What to render. */
export interface RenderTask {
  /** The editor's document; made a string only when its render starts (a task replaced before that costs nothing). */
  source: DocText;
  path: string;
  context: SiteRenderContext;
}

/** A task whose text has been read out of the editor's document. */
interface ReadyTask {
  source: string;
  path: string;
  context: SiteRenderContext;
}

/** Runs a callback after the next paint: an animation frame, then a task (so the frame is not delayed). */
function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Runs a callback at the start of the next frame, before it is drawn: a short post renders in a few
 * milliseconds, so its preview shows the keystroke in the same frame as the editor does. (A posted task would
 * often run only after that frame: Chromium draws the frame an input event changed before it runs new tasks.)
 * Keys that arrive within one frame share one render.
 */
function beforeNextFrame(run: () => void): () => void {
  const frame = requestAnimationFrame(run);
  return () => cancelAnimationFrame(frame);
}

/** Renders the latest task handed to `request`, coalescing the ones that arrive while a render runs. */
export class RenderScheduler {
  private worker: Worker | null = null;
  private workerFailed = false;
  private workerContext: SiteRenderContext | null = null;
  private nextId = 1;
  private latest: RenderTask | null = null;
  private running = false;
  private cancelWait: (() => void) | null = null;
  private pendingWorker: ((r: RenderResult) => void) | null = null;
  private disposed = false;

  constructor(private readonly onResult: (result: RenderResult, task: ReadyTask) => void) {}

  /** Asks for a render of `task`; only the newest task still waiting is rendered. */
  request(task: RenderTask): void {
    this.latest = task;
    if (this.running || this.cancelWait) return;
    const schedule = task.source.length < WORKER_THRESHOLD ? beforeNextFrame : afterPaint;
    this.cancelWait = schedule(() => {
      this.cancelWait = null;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.latest && !this.disposed) {
      const { source: doc, path, context } = this.latest;
      const task: ReadyTask = { source: doc.toString(), path, context };
      this.latest = null;
      this.running = true;
      try {
        const result = task.source.length >= WORKER_THRESHOLD ? await this.inWorker(task) : runRenderJob({ id: this.nextId++, ...task });
        if (!this.disposed) this.onResult(result, task);
      } finally {
        this.running = false;
      }
    }
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.workerFailed) return this.worker;
    try {
      this.worker = new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module', name: 'preview-render' });
      this.worker.onmessage = (event: MessageEvent<RenderResult>) => {
        const resolve = this.pendingWorker;
        this.pendingWorker = null;
        resolve?.(event.data);
      };
      this.worker.onerror = () => this.failWorker();
    } catch {
      this.workerFailed = true;
    }
    return this.worker;
  }

  private failWorker(): void {
    this.workerFailed = true;
    this.worker?.terminate();
    this.worker = null;
    this.workerContext = null;
    const resolve = this.pendingWorker;
    this.pendingWorker = null;
    resolve?.({ id: -1, blocks: [], problems: [], ms: 0 });
    // The text is rendered again on the main thread: a failed worker must not leave the preview empty.
  }

  private inWorker(task: ReadyTask): Promise<RenderResult> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    if (!worker) return Promise.resolve(runRenderJob({ id, ...task }));
    return new Promise<RenderResult>((resolve) => {
      this.pendingWorker = (r) => resolve(r.id === -1 ? runRenderJob({ id, ...task }) : r);
      // The site's context is sent once; later requests say "the same as before".
      const context = this.workerContext === task.context ? null : task.context;
      this.workerContext = task.context;
      const message: RenderRequest = { id, source: task.source, path: task.path, context };
      worker.postMessage(message);
    });
  }

  /** Stops the worker and drops whatever is waiting. */
  dispose(): void {
    this.disposed = true;
    this.cancelWait?.();
    this.worker?.terminate();
    this.worker = null;
  }
}
