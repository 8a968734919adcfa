// A file's size reads the way the interface language writes numbers, in bytes, KB or MB as fits.
import { describe, expect, it } from 'vitest';
import { sizeText } from './size-text';

describe('sizeText', () => {
  it('writes sizes the way the interface language does', () => {
    expect(sizeText(1536 * 1024, 'de')).toBe('1,5 MB');
    expect(sizeText(1536 * 1024, 'en')).toBe('1.5 MB');
  });

  it('uses bytes below a KB and whole KB below a MB', () => {
    expect(sizeText(980, 'en')).toBe('980 B');
    expect(sizeText(1536, 'en')).toBe('2 KB');
    expect(sizeText(40 * 1024 * 1024, 'de')).toBe('40 MB');
  });
});
