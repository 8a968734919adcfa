/**
 * Dates between the form's date pickers and the post's text. The picker speaks `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:MM[:SS]`; the text keeps the way the file already writes its date (space or T, seconds,
 * fraction, time zone), so changing the day changes only the digits that differ.
 */

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})([Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d*)?)?([ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?))?$/;

const pad = (s: string) => s.padStart(2, '0');

/** Which picker a value needs and what it shows; `input` is '' when the value is absent or not a date. */
export interface DateInput {
  kind: 'date' | 'datetime';
  input: string;
  /** True when the text holds something that is not a date (shown as a problem, left alone). */
  invalid: boolean;
}

/** The picker for a field's current value; `preferred` decides for an absent value (the schema's type). */
export function dateInputOf(value: unknown, preferred: 'date' | 'datetime'): DateInput {
  if (value === null || value === undefined || value === '') return { kind: preferred, input: '', invalid: false };
  const text = String(value).trim();
  const d = DATE.exec(text);
  if (d) return { kind: 'date', input: `${d[1]}-${pad(d[2])}-${pad(d[3])}`, invalid: false };
  const t = DATE_TIME.exec(text);
  if (t) {
    const seconds = t[7] !== undefined ? `:${t[7]}` : '';
    return { kind: 'datetime', input: `${t[1]}-${pad(t[2])}-${pad(t[3])}T${pad(t[5])}:${t[6]}${seconds}`, invalid: false };
  }
  return { kind: preferred, input: '', invalid: true };
}

/**
 * The text to write for what the picker now says, shaped like `old`: a date stays a date; a date and time keeps
 * its separator, its seconds (and fraction while the seconds are unchanged) and its time zone as written.
 * Returns null for a picker value that is not a complete date.
 */
export function dateTextFor(input: string, old: unknown): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/.exec(input);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) {
    const oldTime = typeof old === 'string' ? DATE_TIME.exec(old.trim()) : null;
    // A date picker over a date-and-time value only changes the day.
    if (oldTime) return `${day}${oldTime[4]}${oldTime[5]}:${oldTime[6]}${oldTime[7] !== undefined ? `:${oldTime[7]}${oldTime[8] ?? ''}` : ''}${oldTime[9] ?? ''}`;
    return day;
  }
  const old2 = typeof old === 'string' ? DATE_TIME.exec(old.trim()) : null;
  const sep = old2 ? old2[4] : ' ';
  const zone = old2?.[9] ?? '';
  const hadSeconds = old2 ? old2[7] !== undefined : true;
  const seconds = m[6] ?? '00';
  let secondsText = '';
  if (hadSeconds || (m[6] !== undefined && m[6] !== '00')) {
    secondsText = `:${seconds}`;
    if (old2?.[8] && old2[7] === seconds) secondsText += old2[8];
  }
  return `${day}${sep}${m[4]}:${m[5]}${secondsText}${zone}`;
}

/** Today in the user's time zone as YYYY-MM-DD (the default date of a new press release). */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(String(now.getMonth() + 1))}-${pad(String(now.getDate()))}`;
}

/** The interface languages a date field speaks (as renderer/i18n's Language). */
type FieldLanguage = 'en' | 'de';

/**
 * The locale whose numeric date order a date field uses: German writes 21.09.2022; English follows the system's
 * English (en-US writes 09/21/2022, en-GB 21/09/2022) and is day-first (en-GB) on any other system, never the
 * browser's locale, so a German interface in an English browser still shows 21.09.2022.
 */
export function dateLocale(language: FieldLanguage, systemLanguage?: string | null): string {
  if (language === 'de') return 'de-DE';
  const tag = (systemLanguage ?? '').replace('_', '-');
  return /^en-[A-Za-z]{2}$/.test(tag) ? tag : 'en-GB';
}

/** The order of day, month and year in a locale's numeric dates, and the separator between them. */
export interface DateOrder {
  parts: Array<'day' | 'month' | 'year'>;
  separator: string;
}

/** Reads a locale's numeric date order from Intl (de-DE: day.month.year, en-US: month/day/year). */
export function dateOrder(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2022, 8, 21)));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as 'day' | 'month' | 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  return order.length === 3 ? { parts: order, separator } : { parts: ['day', 'month', 'year'], separator: '/' };
}

const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A picker value (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`) as the locale writes it: 21.09.2022 10:00. */
export function formatDateField(input: string, locale: string): string {
  const m = INPUT.exec(input);
  if (!m) return input;
  const { parts, separator } = dateOrder(locale);
  const values = { day: m[3], month: m[2], year: m[1] };
  const day = parts.map((p) => values[p]).join(separator);
  if (m[4] === undefined) return day;
  return `${day} ${m[4]}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ''}`;
}

/** What a typed date means: a picker value, or why it is none (the day, month and year for the message). */
export type DateFieldReading =
  | { ok: true; input: string }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'no-month'; month: number }
  | { ok: false; reason: 'no-day'; day: number; month: number; year: number }
  | { ok: false; reason: 'no-time'; time: string };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * Reads what a user typed into a date field: the locale's order (21.09.2022, 21/9/22, 09/21/2022 in en-US) with
 * `.`, `/`, `-` or spaces between, or ISO 2022-09-21; for `datetime`, a time after it (10:00, 10:00:30, 3:15 pm).
 * A year of two digits is in this century. A day that does not exist (31.02.) is refused by name, never rolled over.
 */
export function parseDateField(text: string, locale: string, kind: 'date' | 'datetime'): DateFieldReading {
  const trimmed = text.trim();
  const m = /^(\d{1,4})[./\s-]+(\d{1,2})[./\s-]+(\d{1,4})\.?(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i.exec(trimmed);
  if (!m) return { ok: false, reason: 'format' };
  let year: number;
  let month: number;
  let day: number;
  if (m[1].length === 4) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    const { parts } = dateOrder(locale);
    const values: number[] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const at = (part: 'day' | 'month' | 'year') => values[parts.indexOf(part)];
    [year, month, day] = [at('year'), at('month'), at('day')];
    const yearText = [m[1], m[2], m[3]][parts.indexOf('year')];
    if (yearText.length === 2) year += 2000;
    else if (yearText.length !== 4) return { ok: false, reason: 'format' };
  }
  if (month < 1 || month > 12) return { ok: false, reason: 'no-month', month };
  if (day < 1 || day > daysIn(year, month)) return { ok: false, reason: 'no-day', day, month, year };
  const date = `${String(year).padStart(4, '0')}-${p2(month)}-${p2(day)}`;
  if (m[4] === undefined) return { ok: true, input: kind === 'datetime' ? `${date}T00:00` : date };
  const time = `${m[4]}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ''}${m[7] ? ` ${m[7]}` : ''}`;
  let hour = Number(m[4]);
  if (m[7]) {
    if (hour < 1 || hour > 12) return { ok: false, reason: 'no-time', time };
    hour = (hour % 12) + (m[7].toLowerCase().startsWith('p') ? 12 : 0);
  }
  const minute = Number(m[5]);
  const second = m[6] !== undefined ? Number(m[6]) : null;
  if (hour > 23 || minute > 59 || (second !== null && second > 59)) return { ok: false, reason: 'no-time', time };
  return { ok: true, input: `${date}T${p2(hour)}:${p2(minute)}${second !== null ? `:${p2(second)}` : ''}` };
}

/** A picker value moved by `days` (the arrow keys in a date field); the time, if any, stays. */
export function addDays(input: string, days: number): string {
  const m = INPUT.exec(input);
  if (!m) return input;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  return input.length > 10 ? date + input.slice(10) : date;
}
