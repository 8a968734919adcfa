// Changing a date in the form keeps the way the file writes it: Jekyll reads both, and a diff stays small.
import { describe, expect, it } from 'vitest';
import { dateInputOf, dateTextFor, today } from './date-value';

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
