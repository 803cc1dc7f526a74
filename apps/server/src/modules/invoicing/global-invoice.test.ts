import { describe, expect, it } from 'vitest';
import { previousPeriod } from './global-invoice.js';

describe('the period a factura global covers', () => {
  it.each([
    ['2026-12-01T08:00:00Z', '2026-11'], // 02:00 of December 1st in Mexico City
    ['2027-01-01T08:00:00Z', '2026-12'],
    ['2026-03-01T05:30:00Z', '2026-01'], // still February 28 in Mexico City: the month before is January
  ])('run at %s covers %s', (at, period) => {
    expect(previousPeriod(new Date(at))).toBe(period);
  });
});
