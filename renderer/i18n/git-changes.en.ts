/** English texts of the git panel (git-changes). */
export const gitChangesEn = {
} as const;
