/** German messages for exporting and printing a post (spread into the German catalogue). */
import type { exportEn } from './export.en';

export const exportDe: { readonly [K in keyof typeof exportEn]: string } = {
  'export.menu': 'Exportieren',
};
