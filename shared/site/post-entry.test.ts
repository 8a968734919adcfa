import { describe, expect, it } from 'vitest';
import { postEntryOf } from './post-entry';

describe('postEntryOf', () => {
  it('reads date, slug and language from a new release path, as the list would show it before a rescan', () => {
    expect(postEntryOf('_i18n/de/_posts/announcements/2024-03-12-kestrel-cloud-2-0.md', { title: 'Kestrel Cloud 2.0 ist da' })).toMatchObject({
      title: 'Kestrel Cloud 2.0 ist da',
      date: '2024-03-12',
      dateSource: 'file-name',
      slug: 'kestrel-cloud-2-0',
      language: 'de',
      symlinkTarget: null,
      error: null,
    });
  });

  it('leaves date and language empty where the path has none', () => {
    expect(postEntryOf('_drafts/idea.md')).toMatchObject({ date: null, dateSource: 'none', slug: 'idea', language: null });
    expect(postEntryOf('_i18n/de/about.md').language).toBeNull();
  });
});
