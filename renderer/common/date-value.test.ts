// Changing a date in the form keeps the way the file writes it: Jekyll reads both, and a diff stays small.
import { describe, expect, it } from 'vitest';
import { addDays, dateInputOf, dateLocale, dateTextFor, formatDateField, parseDateField, today } from './date-value';

describe('dateInputOf', () => {
  it('shows a date in a date picker and a date with time in a date-and-time picker', () => {
    expect(dateInputOf('2024-5-1', 'date')).toEqual({ kind: 'date', input: '2024-05-01', invalid: false });
    expect(dateInputOf('2024-05-01 10:00:00 +0200', 'date')).toEqual({ kind: 'datetime', input: '2024-05-01T10:00:00', invalid: false });
    expect(dateInputOf('2024-05-01T09:30Z', 'date')).toEqual({ kind: 'datetime', input: '2024-05-01T09:30', invalid: false });
  });

  it('uses the schema type for an absent value and marks text that is not a date', () => {
    expect(dateInputOf(undefined, 'datetime')).toEqual({ kind: 'datetime', input: '', invalid: false });
    expect(dateInputOf('next week', 'date')).toEqual({ kind: 'date', input: '', invalid: true });
  });
});

describe('dateTextFor', () => {
  it('writes a date as a date', () => {
    expect(dateTextFor('2024-06-02', '2024-05-01')).toBe('2024-06-02');
    expect(dateTextFor('2024-06-02', undefined)).toBe('2024-06-02');
  });

  it('keeps separator, seconds, fraction and zone of a date and time', () => {
    expect(dateTextFor('2024-06-02T11:15:00', '2024-05-01 10:00:00 +0200')).toBe('2024-06-02 11:15:00 +0200');
    expect(dateTextFor('2024-06-02T11:15', '2024-05-01T10:00Z')).toBe('2024-06-02T11:15Z');
    expect(dateTextFor('2024-05-01T10:00:05', '2024-05-01 10:00:05.25 -05:00')).toBe('2024-05-01 10:00:05.25 -05:00');
    expect(dateTextFor('2024-06-02', '2024-05-01 10:00:00 +0200')).toBe('2024-06-02 10:00:00 +0200');
  });

  it('refuses an incomplete picker value', () => {
    expect(dateTextFor('', '2024-05-01')).toBeNull();
    expect(dateTextFor('2024-06', '2024-05-01')).toBeNull();
  });

  it('knows today', () => {
    expect(today(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
});

describe('dates in the interface language', () => {
  it('writes German as 21.09.2022 and English as the system does, never as the browser does', () => {
    expect(dateLocale('de', 'en-US')).toBe('de-DE');
    expect(dateLocale('en', 'en-US')).toBe('en-US');
    expect(dateLocale('en', 'de-DE')).toBe('en-GB');
    expect(formatDateField('2022-09-21', 'de-DE')).toBe('21.09.2022');
    expect(formatDateField('2022-09-21', 'en-GB')).toBe('21/09/2022');
    expect(formatDateField('2022-09-21', 'en-US')).toBe('09/21/2022');
    expect(formatDateField('2022-09-21T10:00:05', 'de-DE')).toBe('21.09.2022 10:00:05');
  });

  it('reads what people type in their order, short years and ISO too', () => {
    expect(parseDateField('21.09.2022', 'de-DE', 'date')).toEqual({ ok: true, input: '2022-09-21' });
    expect(parseDateField(' 1.2.24 ', 'de-DE', 'date')).toEqual({ ok: true, input: '2024-02-01' });
    expect(parseDateField('21/09/2022', 'en-GB', 'date')).toEqual({ ok: true, input: '2022-09-21' });
    expect(parseDateField('09/21/2022', 'en-US', 'date')).toEqual({ ok: true, input: '2022-09-21' });
    expect(parseDateField('2022-09-21', 'en-US', 'date')).toEqual({ ok: true, input: '2022-09-21' });
    expect(parseDateField('21.09.2022 10:00', 'de-DE', 'datetime')).toEqual({ ok: true, input: '2022-09-21T10:00' });
    expect(parseDateField('09/21/2022 3:15:30 pm', 'en-US', 'datetime')).toEqual({ ok: true, input: '2022-09-21T15:15:30' });
    expect(parseDateField('21.09.2022', 'de-DE', 'datetime')).toEqual({ ok: true, input: '2022-09-21T00:00' });
  });

  it('names an impossible date instead of rolling it over', () => {
    expect(parseDateField('31.02.2022', 'de-DE', 'date')).toEqual({ ok: false, reason: 'no-day', day: 31, month: 2, year: 2022 });
    expect(parseDateField('29.02.2023', 'de-DE', 'date')).toMatchObject({ reason: 'no-day' });
    expect(parseDateField('29.02.2024', 'de-DE', 'date')).toEqual({ ok: true, input: '2024-02-29' });
    expect(parseDateField('09/21/2022', 'en-GB', 'date')).toEqual({ ok: false, reason: 'no-month', month: 21 });
    expect(parseDateField('21.09.2022 25:00', 'de-DE', 'datetime')).toEqual({ ok: false, reason: 'no-time', time: '25:00' });
    expect(parseDateField('next week', 'en-GB', 'date')).toEqual({ ok: false, reason: 'format' });
    expect(parseDateField('21.09.202', 'de-DE', 'date')).toEqual({ ok: false, reason: 'format' });
  });

  it('moves a day with the arrow keys across months and years, keeping the time', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-03-01T10:00', -1)).toBe('2024-02-29T10:00');
  });

  it('a one-field edit changes only the date’s digits in the YAML', () => {
    const typed = parseDateField('22.09.2022', 'de-DE', 'datetime');
    expect(typed.ok && dateTextFor(typed.input.replace('T00:00', 'T10:00:00'), '2022-09-21 10:00:00 +0200')).toBe('2022-09-22 10:00:00 +0200');
  });
});
