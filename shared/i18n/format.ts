import type { CountRange } from '../search/aggregate';

/**
 * Locale formatting for everything a person reads (issue 22): numbers, percentages, file sizes,
 * dates and count ranges, all through Intl so they follow the app's language. Machine-readable
 * output (exports, CSV, JSON, Phenopackets) never goes through here: it keeps plain values.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, f);
  }
  return f;
}

/** A number in the locale ("12,345.6" in English, "12.345,6" in German). */
export function formatNumber(n: number, locale: string, maxFractionDigits = 3): string {
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** A number with a fixed count of decimals (replaces toFixed for display). */
export function formatFixed(n: number, locale: string, digits: number): string {
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

/** A fraction (0.25) as a percentage ("25 %" in German, "25%" in English). */
export function formatPercent(fraction: number, locale: string, maxFractionDigits = 1): string {
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: maxFractionDigits,
  }).format(fraction);
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A file size in bytes, in the largest unit that keeps it at or above 1 ("1.5 MB", "1,5 MB"). */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: SIZE_UNITS[unit] ?? 'byte',
    // Bytes in words (issue 16): the short unit does not agree with its count ("0 byte" in
    // English, "1 bytes" in Portuguese); the long one does in every language the app speaks.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A size given in megabytes (as progress events carry it), formatted like formatBytes. */
export function formatMegabytes(mb: number, locale: string): string {
  return formatBytes(mb * 1_000_000, locale);
}

const unitLists = new Map<string, Intl.ListFormat>();

const DURATION_UNITS = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/**
 * A duration in the locale ("1 min, 5 sec", "1 Min., 5 Sek.", "1 min 5 s"), as
 * Intl.DurationFormat's short style words it: each unit through Intl.NumberFormat's unit style,
 * joined as the language lists units, units of zero left out (issue 22). Written out because
 * DurationFormat is not in every runtime the app's code runs in (Node 22 lacks it). Whole seconds.
 */
export function formatDuration(seconds: number, locale: string): string {
  let rest = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (unit === 'second' && parts.length === 0))
      parts.push(numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
  }
  let list = unitLists.get(locale);
  if (list === undefined) {
    list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
    unitLists.set(locale, list);
  }
  return list.format(parts);
}

/** A date (and time) in the locale; epoch milliseconds, an ISO string or a Date. */
export function formatDateTime(
  at: number | string | Date,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return new Intl.DateTimeFormat(locale, options).format(d);
}

/** A calendar date only ("6 Dec 2026", "06.12.2026"). */
export function formatDate(at: number | string | Date, locale: string): string {
  return formatDateTime(at, locale, { dateStyle: 'medium' });
}

/** A time of day only ("13:05"). */
export function formatTime(at: number | string | Date, locale: string): string {
  return formatDateTime(at, locale, { timeStyle: 'short' });
}

/** A count range: one number when exact, "min–max" otherwise, "≥min" when open. */
export function formatCountRange(r: CountRange, locale: string): string {
  const f = (n: number): string => formatNumber(n, locale, 0);
  if (r.max === Infinity) return `≥${f(r.min)}`;
  return r.min === r.max ? f(r.min) : `${f(r.min)}–${f(r.max)}`;
}

/**
 * The number a plural form of a range agrees with: its upper bound when finite ("<10 carriers",
 * "1–3 carriers"), else its lower bound ("≥1 carrier" reads as at least one).
 */
export function pluralCount(r: CountRange): number {
  return r.max === Infinity ? r.min : r.max;
}
