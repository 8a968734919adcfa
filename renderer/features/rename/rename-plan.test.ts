// The rename offer's decision: when a saved title asks for a new file name, which files move together, and never for
// a committed post.
import { describe, expect, it } from 'vitest';
import type { GitChange } from '../../../shared/contract/git-models';
import type { PostEntry } from '../../../shared/contract/models';
import { namingMember, noneCommitted, renamePlan } from './rename-plan';

const post = (path: string, title: string, language: string | null = null) => ({ path, title, language }) as PostEntry;
const SITE = { defaultLanguage: 'en' };
const EN = '_i18n/en/_posts/announcements/2024-03-12-kestrel-cloud-3-0.md';
const DE = '_i18n/de/_posts/announcements/2024-03-12-kestrel-cloud-3-0.md';

describe('renamePlan', () => {
  it('offers nothing while the title still gives the file name', () => {
    expect(renamePlan([post(EN, 'Kestrel Cloud 3.0', 'en'), post(DE, 'Kestrel Cloud 3.0 ist da', 'de')], SITE)).toBeNull();
    // Punctuation and case that the slug drops do not count as a new title.
    expect(renamePlan([post(EN, 'Kestrel  Cloud 3.0!', 'en')], SITE)).toBeNull();
  });

  it('renames English and German together to the English title, keeping date, folder and extension', () => {
    const plan = renamePlan([post(EN, 'Kestrel Cloud 3.0 goes live', 'en'), post(DE, 'Kestrel Cloud 3.0 ist da', 'de')], SITE);
    expect(plan).toEqual({
      fileName: '2024-03-12-kestrel-cloud-3-0-goes-live.md',
      moves: [
        { from: EN, to: '_i18n/en/_posts/announcements/2024-03-12-kestrel-cloud-3-0-goes-live.md' },
        { from: DE, to: '_i18n/de/_posts/announcements/2024-03-12-kestrel-cloud-3-0-goes-live.md' },
      ],
      languages: ['en', 'de'],
    });
  });

  it('follows the English title even when the German file is the one saved: the German title alone never renames a pair', () => {
    expect(renamePlan([post(DE, 'Ganz neuer Titel', 'de'), post(EN, 'Kestrel Cloud 3.0', 'en')], SITE)).toBeNull();
    expect(namingMember([post(DE, 'x', 'de'), post(EN, 'y', 'en')], SITE)?.path).toBe(EN);
    // A German release without English is named by its own title, with German umlauts written out.
    expect(renamePlan([post(DE, 'Größer und schöner', 'de')], SITE)?.fileName).toBe('2024-03-12-groesser-und-schoener.md');
  });

  it('keeps the language mark of a translation beside its original, and the name of a draft without a date', () => {
    expect(renamePlan([post('_posts/2024-05-01-launch-de.markdown', 'Start', 'de')], SITE)?.fileName).toBe('2024-05-01-start-de.markdown');
    expect(renamePlan([post('_posts/2024/2024-05-01-launch.md', 'Lift-off', null)], SITE)?.moves).toEqual([{ from: '_posts/2024/2024-05-01-launch.md', to: '_posts/2024/2024-05-01-lift-off.md' }]);
    expect(renamePlan([post('_drafts/launch.md', 'Lift-off', null)], SITE)?.fileName).toBe('lift-off.md');
  });

  it('offers nothing for a title without letters or digits, or a file that is not named as a post', () => {
    expect(renamePlan([post(EN, '!!!', 'en')], SITE)).toBeNull();
    expect(renamePlan([post('_posts/launch.md', 'Lift-off', null)], SITE)).toBeNull();
    expect(renamePlan([], SITE)).toBeNull();
  });
});

describe('noneCommitted', () => {
  const change = (path: string, kind: GitChange['kind']): GitChange => ({ path, oldPath: null, kind, staged: 'no', conflicted: false });

  it('is true only when every file is new to the repository (the site may live in a subfolder of it)', () => {
    const status = { sitePrefix: 'site/', changes: [change(`site/${EN}`, 'new'), change(`site/${DE}`, 'new')] };
    expect(noneCommitted([EN, DE], status)).toBe(true);
    expect(noneCommitted([EN], { ...status, changes: [change(`site/${EN}`, 'new'), change(`site/${DE}`, 'changed')] })).toBe(true);
    expect(noneCommitted([EN, DE], { ...status, changes: [change(`site/${EN}`, 'new'), change(`site/${DE}`, 'changed')] })).toBe(false);
    // Committed and unchanged: not listed as a change at all.
    expect(noneCommitted([EN, DE], { ...status, changes: [change(`site/${EN}`, 'new')] })).toBe(false);
    // Committed under another name and renamed since: its address was published.
    expect(noneCommitted([EN], { ...status, changes: [change(`site/${EN}`, 'renamed')] })).toBe(false);
  });

  it('is false on a site without a repository: its files may be what is published', () => {
    expect(noneCommitted([EN, DE], null)).toBe(false);
  });
});
