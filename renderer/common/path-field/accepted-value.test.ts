import { describe, expect, it } from 'vitest';
import { acceptedValue } from './accepted-value';

describe('acceptedValue', () => {
  it('keeps a Jekyll site as it is, ready to open', () => {
    expect(acceptedValue({ path: '/home/ana/website', isSite: true })).toBe('/home/ana/website');
  });
  it('adds a separator to a plain folder so the next suggestions are inside it', () => {
    expect(acceptedValue({ path: '/home/ana/Documents', isSite: false })).toBe('/home/ana/Documents/');
    expect(acceptedValue({ path: 'C:\\Users\\ana', isSite: false })).toBe('C:\\Users\\ana\\');
  });
});
