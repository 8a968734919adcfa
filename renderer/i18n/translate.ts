/** Pure message lookup and formatting, so the interface's words can be tested without React. */
import type { UiLanguage } from '../../shared/contract/models';
import { de } from './de';
import { type Catalogue, en, type MessageKey } from './en';

/** The languages the interface speaks. */
export type Language = 'en' | 'de';

/** Every catalogue by language. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, de };

/** Values put into a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
export function formatMessage(template: string, params: MessageParams = {}, language: Language = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : value;
  });
}

/** Looks a message up and fills it in; falls back to English, then to the key, so nothing shows blank. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = CATALOGUES[language][key] ?? en[key] ?? key;
  return formatMessage(template, params, language);
}

/** True when `key` names a message, for keys that arrive as data (progress labels). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Picks the interface language: an explicit choice wins; 'system' means German for any German locale, else English. */
export function resolveLanguage(setting: UiLanguage | undefined, systemLanguage?: string | null, browserLanguage?: string | null): Language {
  if (setting === 'en' || setting === 'de') return setting;
  const tag = (systemLanguage || browserLanguage || 'en').toLowerCase();
  return tag.startsWith('de') ? 'de' : 'en';
}

/** Chooses the `.one` or `.other` form of a counted message. */
export function pluralKey(base: string, count: number): MessageKey {
  const key = `${base}.${count === 1 ? 'one' : 'other'}`;
  return (isMessageKey(key) ? key : base) as MessageKey;
}

/** A language code (e.g. "de") named in the interface language ("German"/"Deutsch"); the code itself when unknown. */
export function languageName(code: string, language: Language): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(code);
    if (name && name.toLowerCase() !== code.toLowerCase()) return name;
  } catch {
    // An odd code from a site's configuration: show it as it is.
  }
  return code.toUpperCase();
}

/** A YYYY-MM-DD date in the interface language's medium style; the raw text when it is not such a date. */
export function formatDay(date: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/**
 * A timestamp (ISO text) as a local date and time, always on the 24-hour clock (a press office in Europe reads
 * 14:05, not 2:05 PM, in English too); the raw text when it cannot be read.
 */
export function formatMoment(iso: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(d);
}
