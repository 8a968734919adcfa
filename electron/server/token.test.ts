import { describe, expect, it } from 'vitest';
import { createToken, tokensEqual } from './token';

describe('token', () => {
  it('is 128 random bits as 32 hex characters, different every start', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => createToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{32}$/);
  });

  it('accepts only the exact token', () => {
    const t = createToken();
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t, `${t}`)).toBe(true);
    expect(tokensEqual(t, t.toUpperCase() === t ? `${t.slice(0, -1)}x` : t.toUpperCase())).toBe(false);
    expect(tokensEqual(t, `${t.slice(0, -1)}${t.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(tokensEqual(t, t.slice(0, 31))).toBe(false);
    expect(tokensEqual(t, `${t}0`)).toBe(false);
    expect(tokensEqual(t, '')).toBe(false);
    expect(tokensEqual(t, undefined)).toBe(false);
    expect(tokensEqual(t, null)).toBe(false);
    expect(tokensEqual(t, 42)).toBe(false);
    expect(tokensEqual('', '')).toBe(false);
  });

  it('compares multi-byte input by bytes without throwing', () => {
    const t = createToken();
    expect(tokensEqual(t, 'é'.repeat(16))).toBe(false);
    expect(tokensEqual(t, 'é'.repeat(32))).toBe(false);
  });
});
