/** English messages of renaming a post that is not committed yet (spread into the English catalogue). */
export const renameEn = {
} as const;
