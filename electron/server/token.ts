/** The browser-mode token: the one secret that tells Pressroom's own tab apart from any other local program or page. */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 128-bit token as 32 hex characters; unguessable, so only whoever sees the printed address gets in. */
export function createToken(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Compares a presented token with the expected one in constant time, so response timing reveals nothing
 * about how many characters matched. Only the length can leak, and the length is public (always 32).
 */
export function tokensEqual(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  if (a.length !== b.length) {
    // Do the same amount of work as a real comparison, then refuse.
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
