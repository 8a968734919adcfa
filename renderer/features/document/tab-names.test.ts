// A release open in two languages shows two tabs a user can tell apart at a glance, even when the tabs are narrow.
import { describe, expect, it } from 'vitest';
import type { TabInfo } from './document-tabs';
import { tabNames } from './tab-bar';

const tab = (path: string) => ({ path }) as TabInfo;

describe('tabNames', () => {
  it('names a tab by its file alone while the name is unique', () => {
    expect([...tabNames([tab('_i18n/en/_posts/a/2024-01-01-x.md'), tab('_posts/2024-01-02-y.md')]).values()]).toEqual(['2024-01-01-x.md', '2024-01-02-y.md']);
  });

  it('puts the language first for a release and its translation', () => {
    const names = tabNames([tab('_i18n/en/_posts/announcements/2024-01-01-x.md'), tab('_i18n/de/_posts/announcements/2024-01-01-x.md')]);
    expect([...names.values()]).toEqual(['EN · 2024-01-01-x.md', 'DE · 2024-01-01-x.md']);
  });

  it('adds the folder for two files of one name in different folders', () => {
    const names = tabNames([tab('_posts/2024/2024-01-01-x.md'), tab('_drafts/2024-01-01-x.md')]);
    expect([...names.values()]).toEqual(['2024-01-01-x.md (2024)', '2024-01-01-x.md (_drafts)']);
  });
});
