/** German texts of the git panel (git-remote). */
import type { gitRemoteEn } from './git-remote.en';

export const gitRemoteDe: { readonly [K in keyof typeof gitRemoteEn]: string } = {
  'gitRemote.detached': 'Kein Branch — bei {oid}',
  'gitRemote.toPush.one': '{count} zu senden',
  'gitRemote.toPush.other': '{count} zu senden',
  'gitRemote.toGet.one': '{count} zu holen',
  'gitRemote.toGet.other': '{count} zu holen',
} as const;
