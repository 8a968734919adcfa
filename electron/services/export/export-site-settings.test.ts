// Which closing text a release gets from `.pressroom.yml`: its own language, else the nearest one the site wrote.
import { describe, expect, it } from 'vitest';
import type { ExportWarning } from '../../../shared/contract/export-models';
import { exportClosingFromData } from './export-site-settings';

describe('exportClosingFromData', () => {
  const data = { export: { boilerplate: { en: 'About us.', de: 'Über uns.' }, contact: 'Jane Doe' } };
  it('picks the post language, its primary language, the site default, then English', () => {
    const w: ExportWarning[] = [];
    expect(exportClosingFromData(data, 'de', 'en', w)).toEqual({ boilerplate: 'Über uns.', contact: 'Jane Doe' });
    expect(exportClosingFromData(data, 'de-AT', 'en', w).boilerplate).toBe('Über uns.');
    expect(exportClosingFromData(data, 'fr', 'de', w).boilerplate).toBe('Über uns.');
    expect(exportClosingFromData(data, 'fr', null, w).boilerplate).toBe('About us.');
    expect(exportClosingFromData({ export: { boilerplate: { fr: 'x' } } }, 'de', null, w).boilerplate).toBeNull();
    expect(w).toEqual([]);
  });
  it('gives nothing without an export block and a warning for one of the wrong kind', () => {
    const w: ExportWarning[] = [];
    expect(exportClosingFromData(null, 'en', null, w)).toEqual({ boilerplate: null, contact: null });
    expect(exportClosingFromData({ figures: {} }, 'en', null, w)).toEqual({ boilerplate: null, contact: null });
    expect(exportClosingFromData({ export: 'text' }, 'en', null, w)).toEqual({ boilerplate: null, contact: null });
    expect(exportClosingFromData({ export: { contact: 'x'.repeat(70_000) } }, 'en', null, w).contact).toBeNull();
    expect(w.map((x) => x.detail)).toEqual([
      '.pressroom.yml: export should be a map with boilerplate and contact; it was left out.',
      '.pressroom.yml: export.contact is longer than 64 KB; it was left out.',
    ]);
  });
});
