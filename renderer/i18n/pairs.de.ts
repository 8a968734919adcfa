/** German messages of translations (same keys as pairs.en.ts). */
import type { pairsEn } from './pairs.en';

export const pairsDe: { readonly [K in keyof typeof pairsEn]: string } = {
};
