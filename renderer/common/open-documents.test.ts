// The open-documents registry as the git panel uses it: what the document feature registered for a site, nothing for
// another site or after it unregistered, and the active post's slug for a suggested branch name.
import { describe, expect, it } from 'vitest';
import { activePostSlug, openDocumentsOf, registerOpenDocuments } from './open-documents';

const docs = (unsaved: string[], active: string | null) => ({ unsavedPaths: () => unsaved, saveAll: async () => true, activePath: () => active });

describe('open documents', () => {
  it('answers for the registered site only, and nothing once unregistered', async () => {
    const off = registerOpenDocuments('/sites/a', docs(['_posts/x.md'], null));
    expect(openDocumentsOf('/sites/a').unsavedPaths()).toEqual(['_posts/x.md']);
    expect(openDocumentsOf('/sites/b').unsavedPaths()).toEqual([]);
    off();
    expect(openDocumentsOf('/sites/a').unsavedPaths()).toEqual([]);
    expect(await openDocumentsOf('/sites/a').saveAll()).toBe(true);
  });

  it('keeps a newer registration when an older one unregisters late', () => {
    const first = registerOpenDocuments('/sites/a', docs(['old.md'], null));
    const second = registerOpenDocuments('/sites/a', docs(['new.md'], null));
    first();
    expect(openDocumentsOf('/sites/a').unsavedPaths()).toEqual(['new.md']);
    second();
  });

  it('gives the active post’s slug without date and extension, for posts and drafts', () => {
    const off = registerOpenDocuments('/sites/a', docs([], '_i18n/de/_posts/2024/2024-05-01-launch-day.md'));
    expect(activePostSlug('/sites/a')).toBe('launch-day');
    off();
    const draft = registerOpenDocuments('/sites/a', docs([], '_drafts/roadmap.markdown'));
    expect(activePostSlug('/sites/a')).toBe('roadmap');
    draft();
    expect(activePostSlug('/sites/a')).toBeUndefined();
  });
});
