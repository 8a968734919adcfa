/** Gives every component the current language's `t` and formatters; switching the language re-renders at once. */
import { createContext, type ReactNode, useContext, useEffect, useMemo } from 'react';
import type { MessageKey } from './en';
import { formatDay, formatMoment, type Language, languageName, type MessageParams, pluralKey, translate } from './translate';

/** What components use to speak the interface language. */
export interface I18n {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  /** A counted message: `base.one` or `base.other`, with `{count}` filled in. */
  tn(base: string, count: number, params?: MessageParams): string;
  day(date: string): string;
  moment(iso: string): string;
  languageName(code: string): string;
}

/** Builds the I18n value for one language. */
export function createI18n(language: Language): I18n {
  return {
    language,
    t: (key, params) => translate(language, key, params),
    tn: (base, count, params) => translate(language, pluralKey(base, count), { count, ...params }),
    day: (date) => formatDay(date, language),
    moment: (iso) => formatMoment(iso, language),
    languageName: (code) => languageName(code, language),
  };
}

const I18nContext = createContext<I18n>(createI18n('en'));

/** Provides the language and keeps `<html lang>` in step, so screen readers pronounce the interface right. */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => createI18n(language), [language]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's messages and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
