/** English texts of the git panel (git-remote). */
export const gitRemoteEn = {
} as const;
