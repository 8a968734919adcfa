/**
 * The open documents of a site as other features need them (the git panel before a branch switch): which have
 * unsaved edits, a way to save them all, and which post is active. The document feature registers; nothing imports it.
 */

/** What the document feature tells others about its open tabs. */
export interface OpenDocuments {
  /** Paths (relative to the site) of the tabs with unsaved edits. */
  unsavedPaths(): string[];
  /** Saves every unsaved tab; true when all are saved now. */
  saveAll(): Promise<boolean>;
  /** The active tab's path, or null. */
  activePath(): string | null;
}

const NONE: OpenDocuments = { unsavedPaths: () => [], saveAll: async () => true, activePath: () => null };
const registry = new Map<string, OpenDocuments>();

/** Registers the open documents of the site at `root`; returns the way to unregister (for an effect's cleanup). */
export function registerOpenDocuments(root: string, documents: OpenDocuments): () => void {
  registry.set(root, documents);
  return () => {
    if (registry.get(root) === documents) registry.delete(root);
  };
}

/** The open documents of the site at `root`; none when no document feature registered for it. */
export function openDocumentsOf(root: string): OpenDocuments {
  return registry.get(root) ?? NONE;
}

/** The slug of the active post (`_posts/2024-05-01-launch.md` → `launch`), for a suggested branch name; undefined without one. */
export function activePostSlug(root: string): string | undefined {
  const path = openDocumentsOf(root).activePath();
  if (!path) return undefined;
  const file = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  return slug || undefined;
}
