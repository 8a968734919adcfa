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
