// Unknown keys stay editable as YAML, and a raw edit can never break or change the other fields.
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../shared/front-matter/model';
import { fieldSource, RawFieldError, replaceFieldSource } from './raw-field';

const TEXT = '---\ntitle: A\nseo:\n  keywords: [a, b]   # keep\n  noindex: yes\n\n# about the next one\nlayout: post\n---\nBody\n';

describe('raw fields', () => {
  it('shows the lines of a key without the comment that belongs to the next key', () => {
    const at = fieldSource(TEXT, readFrontMatter(TEXT), 'seo')!;
    expect(at.source).toBe('seo:\n  keywords: [a, b]   # keep\n  noindex: yes');
    expect(fieldSource(TEXT, readFrontMatter(TEXT), 'missing')).toBeNull();
  });

  it('replaces exactly those lines', () => {
    const next = replaceFieldSource(TEXT, readFrontMatter(TEXT), 'seo', 'seo:\n  keywords: [a, b, c]   # keep\n  noindex: yes');
    expect(next).toBe(TEXT.replace('[a, b]', '[a, b, c]'));
  });

  it('refuses broken YAML and changes to other fields', () => {
    const r = readFrontMatter(TEXT);
    expect(() => replaceFieldSource(TEXT, r, 'seo', 'seo: [unclosed')).toThrow(RawFieldError);
    expect(() => replaceFieldSource(TEXT, r, 'seo', 'seo: 1\ntitle: B')).toThrow(RawFieldError);
  });
});
