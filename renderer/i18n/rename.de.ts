/** German messages of renaming (same keys as rename.en.ts). */
import type { renameEn } from './rename.en';

export const renameDe: { readonly [K in keyof typeof renameEn]: string } = {
};
