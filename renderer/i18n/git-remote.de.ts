/** German texts of the git panel (git-remote). */
import type { gitRemoteEn } from './git-remote.en';

export const gitRemoteDe: { readonly [K in keyof typeof gitRemoteEn]: string } = {
};
