/** English messages for exporting and printing a post (spread into the English catalogue). */
export const exportEn = {
  'export.menu': 'Export',
} as const;
