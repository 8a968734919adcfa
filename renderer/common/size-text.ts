/** File sizes as people read them, in the interface language, for every feature that shows one (diffs, image picker). */
import type { Language } from '../i18n/translate';

/** A file size in the interface language: 980 bytes, 12 KB, 1.4 MB. */
export function sizeText(bytes: number, language: Language): string {
  const n = (value: number, digits = 0) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${n(bytes)} B`;
  if (bytes < 1024 * 1024) return `${n(bytes / 1024)} KB`;
  return `${n(bytes / 1024 / 1024, 1)} MB`;
}
