/** English texts of the git panel (git-remote). */
export const gitRemoteEn = {
  'gitRemote.detached': 'No branch — at {oid}',
  'gitRemote.toPush.one': '{count} to push',
  'gitRemote.toPush.other': '{count} to push',
  'gitRemote.toGet.one': '{count} to get',
  'gitRemote.toGet.other': '{count} to get',
} as const;
