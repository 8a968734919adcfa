/** English messages of translations: the pair bar, side by side, adding and translating (spread into the English catalogue). */
export const pairsEn = {
} as const;
