import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CountRange } from '../../../shared/search/aggregate';
import {
  formatBytes,
  formatCountRange,
  formatDate,
  formatDateTime,
  formatDuration,
  formatFixed,
  formatMegabytes,
  formatNumber,
  formatPercent,
  formatTime,
} from '../../../shared/i18n/format';

/** The shared locale formatters bound to the app's current language (issue 22). */
export interface Format {
  locale: string;
  number: (n: number, maxFractionDigits?: number) => string;
  fixed: (n: number, digits: number) => string;
  percent: (fraction: number, maxFractionDigits?: number) => string;
  bytes: (bytes: number) => string;
  megabytes: (mb: number) => string;
  dateTime: (at: number | string | Date) => string;
  date: (at: number | string | Date) => string;
  time: (at: number | string | Date) => string;
  range: (r: CountRange) => string;
  /** A duration in whole seconds ("1 min, 5 sec"). */
  duration: (seconds: number) => string;
}

/** Formatters for a locale, for code outside React (stores, igv tracks). */
export function formatFor(locale: string): Format {
  return {
    locale,
    number: (n, d) => formatNumber(n, locale, d),
    fixed: (n, d) => formatFixed(n, locale, d),
    percent: (f, d) => formatPercent(f, locale, d),
    // Under a kilobyte the count is worded by the catalogue's plural (issue 16): Intl's short
    // unit is "0 byte" in English, "1 bytes" in Portuguese.
    bytes: (b) =>
      b < 1000
        ? i18next.t('app.bytes', { count: Math.max(0, Math.round(b)), lng: locale })
        : formatBytes(b, locale),
    megabytes: (mb) => formatMegabytes(mb, locale),
    dateTime: (at) => formatDateTime(at, locale),
    date: (at) => formatDate(at, locale),
    time: (at) => formatTime(at, locale),
    range: (r) => formatCountRange(r, locale),
    duration: (seconds) => formatDuration(seconds, locale),
  };
}

/** The formatters for the language the app shows now; re-renders when it changes. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  return formatFor(i18n.resolvedLanguage ?? i18n.language);
}
