import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCountRange,
  formatDate,
  formatDuration,
  formatFixed,
  formatNumber,
  formatPercent,
  pluralCount,
} from './format';

describe('issue 22: numbers, sizes, percentages, ranges and dates follow the locale', () => {
  it('groups and separates decimals per language', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'de')).toBe('12.345,5');
    // Intl's own spaces: narrow no-break for French groups, no-break before the German %.
    expect(formatNumber(12345.5, 'fr')).toBe('12\u202f345,5');
    expect(formatFixed(0.5, 'fi', 2)).toBe('0,50');
  });

  it('writes percentages and file sizes with the locale’s units and spacing', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.125, 'de')).toBe('12,5\u00a0%');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(1_500_000, 'de')).toBe('1,5 MB');
    // Issue 16: bytes agree with their count ("0 byte of 40.8 MB" was on screen).
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(1, 'pt')).toBe('1 byte');
    expect(formatBytes(2, 'fr')).toBe('2\u00a0octets');
    expect(formatBytes(0, 'fi')).toBe('0 tavua');
    expect(formatBytes(2_000_000_000, 'sv')).toBe('2 GB');
  });

  it('writes count ranges ("<10" answers, rounded counts) with localised numbers', () => {
    expect(formatCountRange({ min: 1200, max: 1250 }, 'de')).toBe('1.200–1.250');
    expect(formatCountRange({ min: 37, max: Infinity }, 'en')).toBe('≥37');
    expect(formatCountRange({ min: 5, max: 5 }, 'fr')).toBe('5');
    // The plural of "<10 carriers" agrees with its upper bound; "≥1" with its lower.
    expect(pluralCount({ min: 1, max: 9 })).toBe(9);
    expect(pluralCount({ min: 1, max: Infinity })).toBe(1);
  });

  it('writes dates in the locale and leaves an unreadable date as it came', () => {
    const at = Date.UTC(2026, 11, 6, 12, 0);
    expect(formatDate(at, 'en-GB')).toBe('6 Dec 2026');
    expect(formatDate(at, 'de')).toBe('06.12.2026');
    expect(formatDate('not a date', 'de')).toBe('not a date');
  });

  it('issue 22: durations as Intl.DurationFormat’s short style words them, zero units left out', () => {
    expect(formatDuration(13, 'en')).toBe('13 sec');
    expect(formatDuration(60, 'en')).toBe('1 min');
    expect(formatDuration(65.4, 'en')).toBe('1 min, 5 sec');
    expect(formatDuration(3725, 'de')).toBe('1 Std., 2 Min. und 5 Sek.');
    expect(formatDuration(3725, 'fi')).toBe('1 t, 2 min, 5 s');
    expect(formatDuration(0, 'fr')).toBe('0\u202fs');
    expect(formatDuration(-3, 'sv').replace(/\s/g, ' ')).toBe('0 s');
  });
});
