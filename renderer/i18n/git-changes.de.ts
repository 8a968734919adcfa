/** German texts of the git panel (git-changes). */
import type { gitChangesEn } from './git-changes.en';

export const gitChangesDe: { readonly [K in keyof typeof gitChangesEn]: string } = {
};
