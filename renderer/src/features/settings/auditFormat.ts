import type { TFunction } from 'i18next';
import type { AuditRow } from '../../../../shared/audit/auditLog';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../../../shared/i18n/format';

/** One field as "name: value"; arrays joined, objects as compact JSON. */
function fieldText(name: string, value: unknown): string {
  const shown =
    Array.isArray(value) && value.every((v) => typeof v !== 'object')
      ? value.join(', ')
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  return `${name}: ${shown}`;
}

/** The readable fields of an entry in one line. */
export const fieldsText = (fields: Record<string, unknown>): string =>
  Object.entries(fields)
    .map(([k, v]) => fieldText(k, v))
    .join(' · ');

/** What a person sees of the sealed fields: their own opened, or why not. */
export function privateText(row: AuditRow, t: TFunction): string | undefined {
  const p = row.private;
  if (p === undefined) return undefined;
  if (p.state === 'open') return `${t('audit.private.open')} ${fieldsText(p.fields)}`;
  return t(`audit.private.${p.state}`, { names: (p.names ?? []).join(', ') });
}

/** The entry type in words, or the type itself when the app has no words for it. */
export const typeLabel = (type: string, t: TFunction): string =>
  t(`audit.types.${type.replace(/\./g, '_')}`, { defaultValue: type });

/** A time in the person's locale, with seconds (entries often come seconds apart). */
export const timeText = (iso: string): string =>
  formatDateTime(iso, currentLocale(), { dateStyle: 'medium', timeStyle: 'medium' });
