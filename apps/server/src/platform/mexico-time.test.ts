import { describe, expect, it } from 'vitest';
import { addCalendarDays, mexicoCityDateTime } from './mexico-time.js';

describe('calendar days', () => {
  it.each([
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });
});

describe('CFDI local date-time', () => {
  it.each([
    ['2026-11-29T18:05:09Z', '2026-11-29T12:05:09'],
    ['2026-01-01T05:59:59Z', '2025-12-31T23:59:59'],
    ['2026-07-01T00:00:00Z', '2026-06-30T18:00:00'],
  ])('%s is %s in Mexico City (no daylight saving since 2022)', (instant, expected) => {
    expect(mexicoCityDateTime(new Date(instant))).toBe(expected);
  });
});
